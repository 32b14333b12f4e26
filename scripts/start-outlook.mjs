#!/usr/bin/env node
// `npm run start:outlook`: sideloads the add-in into desktop Outlook (Windows or Mac) with office-addin-debugging,
// which starts the dev server over HTTPS with Office's dev certificates. On Linux there is no desktop Outlook to
// sideload into: say so and point to the workbench and to Outlook on the web.
import { spawn } from 'node:child_process';

if (process.platform !== 'win32' && process.platform !== 'darwin') {
  console.error(
    'start:outlook sideloads into desktop Outlook, which exists only on Windows and Mac.\n' +
      'On this machine use the workbench (npm start, http://localhost:3000), or build with\n' +
      '  npm run build -- --env publicUrl=https://<your host>/\n' +
      'and sideload dist/manifest.xml into Outlook on the web (see README, "Pilot with a group").',
  );
  process.exit(1);
}
const command = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const child = spawn(
  command,
  [
    '--no-install',
    'office-addin-debugging',
    'start',
    'manifest.xml',
    'desktop',
    '--dev-server',
    'npx webpack serve --mode development --env https',
    '--dev-server-port',
    '3000',
  ],
  { stdio: 'inherit', shell: process.platform === 'win32' },
);
child.on('error', () => {
  console.error('office-addin-debugging is not installed (it is optional). Run: npm install office-addin-debugging@6.0.5');
  process.exit(1);
});
child.on('exit', (code) => process.exit(code ?? 1));
