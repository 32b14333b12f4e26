// Two builds from one config:
//  - the deploy build (`npm run build` → dist/): only what ships —
//      taskpane.html        the production task pane (the only page Outlook loads)
//      dialog.html          the LinkedIn sign-in dialog
//      entra-sign-in.html   the Microsoft sign-in fallback (MSAL in an Office dialog) where Outlook has no nested app auth
//      manifest.xml/.json, assets, the policy file's schema and example, support, privacy and terms pages, and the
//      service (dist/server/, built before by esbuild)
//  - the workbench build (`--env workbench`: `npm start`, `npm run build:workbench` → dist-workbench/): the same
//    pages plus the dev-only workbench (index.html, a simulated Outlook) and workbench-pane.html (the task pane hosted
//    by the workbench). The development service (dev/service/) serves it, with the API behind it.
// scripts/check-bundle.mjs proves after every deploy build that none of the workbench's files or code is in it.
// Every page's HTML (head, CSP, body) comes from scripts/pages.cjs.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { pageHtml } = require('./scripts/pages.cjs');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DefinePlugin } = require('webpack');
const { manifestForBuild } = require('./scripts/manifest.cjs');
const { unifiedManifestFromXml } = require('./scripts/unified-manifest.cjs');
const { BUILD_INFO_FILE, buildInfo, deployWarnings, manifestSettings } = require('./scripts/build-info.cjs');

const DEV_PORT = 3000;

/** @typedef {import('webpack').Compiler} Compiler */
/**
 * The build's settings (webpack's --env): the deploy build's (scripts/build-info.cjs) and the kind of build.
 * @typedef {import('./scripts/build-info.cjs').BuildEnv & { workbench?: boolean, bench?: boolean, griffelRuntime?: boolean,
 *   https?: boolean, insightsScope?: string }} Env
 */

/**
 * Adds <link rel="preload" as="script"> for a lazy chunk group to the pages that start it at once (the task pane's
 * "pane" chunks, see src/taskpane/bootPane.tsx): the browser fetches and compiles them while the first script runs,
 * instead of only when that script asks for them.
 */
class PreloadChunkGroupPlugin {
  /** @param {string} group @param {string[]} pages */
  constructor(group, pages) {
    this.group = group;
    this.pages = pages;
  }
  /** @param {Compiler} compiler */
  apply(compiler) {
    compiler.hooks.compilation.tap('PreloadChunkGroupPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PreloadChunkGroupPlugin', (data) => {
        const group = compilation.namedChunkGroups.get(this.group);
        if (!group || !this.pages.includes(data.outputName)) return data;
        const loaded = new Set(
          data.bodyTags
            .concat(data.headTags)
            .map((tag) => tag.attributes.src)
            .filter(Boolean),
        );
        const files = group.chunks.flatMap((chunk) => [...chunk.files]).filter((file) => file.endsWith('.js') && !loaded.has(file));
        const links = files.map((href) => HtmlWebpackPlugin.createHtmlTagObject('link', { rel: 'preload', as: 'script', href }));
        return { ...data, headTags: [...data.headTags, ...links] };
      });
    });
  }
}

/**
 * Asks the browser to fetch every page's own scripts (its <script src> tags, run first) at high priority. Deferred
 * scripts are fetched at low priority by default, so on the task pane's page the pane's preloaded chunks (high
 * priority) were fetched first, and on HTTP/1.1 (six connections a host) the first script waited behind them though it
 * runs first. Every page, the benchmark's floor and bare pages included, so they compare like with like.
 */
class ScriptPriorityPlugin {
  /** @param {Compiler} compiler */
  apply(compiler) {
    compiler.hooks.compilation.tap('ScriptPriorityPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('ScriptPriorityPlugin', (data) => {
        for (const tag of data.headTags.concat(data.bodyTags)) {
          if (tag.tagName === 'script' && tag.attributes.src) tag.attributes.fetchpriority = 'high';
        }
        return data;
      });
    });
  }
}

/**
 * Marks the scripts of a chunk group with V8's explicit compile hint (`//# allFunctionsCalledOnLoad`, Chrome 136+;
 * other browsers read a comment): their functions are compiled on a background thread while the script streams in,
 * instead of one by one on the main thread when first called. For the task pane's "pane" chunks, most of whose code
 * runs before the card is shown. Added after minification and before source maps, so the maps stay right.
 */
class CompileHintPlugin {
  /** @param {string} group */
  constructor(group) {
    this.group = group;
  }
  /** @param {Compiler} compiler */
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('CompileHintPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CompileHintPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1 }, () => {
        const group = compilation.namedChunkGroups.get(this.group);
        if (!group) return;
        for (const file of group.chunks.flatMap((chunk) => [...chunk.files]).filter((name) => name.endsWith('.js'))) {
          compilation.updateAsset(file, (source) => new sources.ConcatSource('//# allFunctionsCalledOnLoad\n', source));
        }
      });
    });
  }
}

/**
 * Writes what the build was made for (scripts/build-info.cjs) beside the service, which serves under its path; and for
 * a deploy build, warns about what it lacks (publicUrl, clientId, the organisation's own add-in id).
 */
class BuildInfoPlugin {
  /** @param {object} info @param {string[]} warnings */
  constructor(info, warnings) {
    this.info = info;
    this.warnings = warnings;
  }
  /** @param {Compiler} compiler */
  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('BuildInfoPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'BuildInfoPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset(BUILD_INFO_FILE, new sources.RawSource(`${JSON.stringify(this.info, null, 2)}\n`));
        for (const warning of this.warnings) compilation.warnings.push(new WebpackError(`deploy build: ${warning}`));
      });
    });
  }
}

// `--env bench` (npm run bench only): the bare Fluent page, the floor page (the pane's own view drawn from static
// props) the pane is measured against, and the production pane hosted by the page instead of Outlook. Same config as every other page, so sizes compare like with like.
const BENCH_ENTRIES = {
  benchBare: './dev/bench/pane/benchBare.tsx',
  benchFloor: './dev/bench/pane/benchFloor.tsx',
  benchPane: './dev/bench/pane/benchPane.tsx',
};
const benchPages = () =>
  Object.keys(BENCH_ENTRIES).map(
    (name) =>
      new HtmlWebpackPlugin({
        filename: `${name}.html`,
        templateContent: pageHtml('bench'),
        // The pane's page starts as taskpane.html does: its start script first.
        chunks: name === 'benchPane' ? ['pageStart', name] : [name],
      }),
  );

/**
 * Griffel's build-time CSS extraction (issue 16): the styles of Fluent UI and of our makeStyles are written to one CSS
 * file at build time (pre-computed class names, `griffel.[hash].css`, linked by every page) instead of being computed
 * and inserted by JavaScript while the pane starts. Measured in an interleaved comparison: the floor page and the pane
 * paint their card sooner, and the pane's first script is lighter. `--env griffelRuntime` builds without it (to compare).
 */
function griffelExtractionRules() {
  const { GriffelCSSExtractionPlugin } = require('@griffel/webpack-extraction-plugin');
  const MiniCssExtractPlugin = require('mini-css-extract-plugin');
  return [
    {
      test: /\.(js|mjs|ts|tsx)$/,
      include: [path.resolve(__dirname, 'src'), /[\\/]node_modules[\\/]@fluentui[\\/]/],
      use: { loader: GriffelCSSExtractionPlugin.loader },
    },
    // After ts-loader (loaders run last to first): our makeStyles calls, as JavaScript, made static.
    { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: '@griffel/webpack-loader' } },
    { test: /\.css$/, use: [MiniCssExtractPlugin.loader, 'css-loader'] },
  ];
}
function griffelExtractionPlugins() {
  const { GriffelCSSExtractionPlugin } = require('@griffel/webpack-extraction-plugin');
  const MiniCssExtractPlugin = require('mini-css-extract-plugin');
  // Griffel orders its own rules, so mini-css-extract's order warnings do not apply (Griffel's README says so).
  return [new MiniCssExtractPlugin({ filename: '[name].[contenthash:8].css', ignoreOrder: true }), new GriffelCSSExtractionPlugin()];
}

async function httpsDevCertificates() {
  // office-addin-dev-certs comes with the optional office-addin-debugging (Windows and Mac).
  // Named through a variable: the package is absent where office-addin-debugging is not installed (Linux, CI).
  const optional = 'office-addin-dev-certs';
  /** @type {{ getHttpsServerOptions: () => Promise<object> }} */
  const devCerts = require(optional);
  return devCerts.getHttpsServerOptions();
}

/** The workbench's own entries and pages (dev-only: never in the deploy build). */
const WORKBENCH_ENTRIES = {
  workbench: './dev/workbench/index.tsx',
  workbenchPane: './dev/workbench/pane.tsx',
};
const workbenchPages = () => [
  new HtmlWebpackPlugin({ filename: 'index.html', templateContent: pageHtml('workbench'), chunks: ['workbench'] }),
  new HtmlWebpackPlugin({ filename: 'workbench-pane.html', templateContent: pageHtml('workbenchPane'), chunks: ['workbenchPane'] }),
  new HtmlWebpackPlugin({ filename: 'workbench-dialog.html', templateContent: pageHtml('workbenchDialog'), chunks: ['dialog'] }),
];

/** What a cached build depends on besides its sources: this file, the scripts it runs and the TypeScript settings. */
const CONFIG_FILES = [
  __filename,
  path.join(__dirname, 'tsconfig.json'),
  ...['pages.cjs', 'start-transpile-loader.cjs', 'manifest.cjs', 'unified-manifest.cjs', 'build-info.cjs'].map((name) =>
    path.join(__dirname, 'scripts', name),
  ),
];
/** One persistent cache per kind of build, so one never evicts another's. */
const cacheName = (/** @type {Env} */ env) =>
  ['development', env.workbench && 'workbench', env.bench && 'bench', env.griffelRuntime && 'griffelRuntime', env.https && 'https']
    .filter(Boolean)
    .join('-');

/**
 * @param {Env} env
 * @param {{ mode?: 'production' | 'development' }} argv
 * @returns {Promise<import('webpack').Configuration & { devServer: object }>}
 */
module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const workbench = Boolean(env.workbench);
  const development = mode === 'development';
  // Griffel's CSS extraction makes the production pane start sooner and costs most of a build (~50 s of ~80 s on a
  // busy 2-core machine): npm start's development build computes the styles at run time instead (the pages' CSP
  // allows inline styles), as `--env griffelRuntime` does.
  const extractStyles = !env.griffelRuntime && !development;
  return {
    mode,
    // npm start's second build reuses the first's work (node_modules/.cache/webpack), one cache per kind of build.
    // WEBPACK_CACHE_DIR puts it elsewhere (the test that a quick stop still writes it starts from an empty one).
    ...(development
      ? {
          cache: {
            type: 'filesystem',
            name: cacheName(env),
            buildDependencies: { config: CONFIG_FILES },
            ...(process.env.WEBPACK_CACHE_DIR ? { cacheDirectory: process.env.WEBPACK_CACHE_DIR } : {}),
          },
        }
      : {}),
    // No eval source maps in development: the pages' Content Security Policy forbids eval (npm start runs under it too).
    devtool: mode === 'production' ? 'source-map' : 'cheap-module-source-map',
    entry: {
      // The task pane page's start script, run first (it asks for the policy file): src/taskpane/pageStart.ts.
      pageStart: './src/taskpane/pageStart.ts',
      taskpane: './src/taskpane/index.tsx',
      dialog: './src/dialog/index.ts',
      entraSignIn: './src/dialog/entraSignIn.ts',
      ...(workbench ? WORKBENCH_ENTRIES : {}),
      ...(env.bench ? BENCH_ENTRIES : {}),
    },
    output: {
      // DIST_DIR lets parallel builds (tests, the benchmark) keep out of each other's way.
      path: path.resolve(__dirname, process.env.DIST_DIR || (workbench ? 'dist-workbench' : 'dist')),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: 'auto',
      // The service's bundle (npm run build:server, dist/server/) is built before and kept.
      clean: { keep: /^server[\\/]/ },
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        ...(extractStyles ? griffelExtractionRules() : []),
        // Development builds transpile with esbuild (scripts/start-transpile-loader.cjs: ~35 % less CPU for a cold
        // build); what ships is built by ts-loader as before.
        development
          ? { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: path.resolve(__dirname, 'scripts/start-transpile-loader.cjs') } }
          : { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } },
      ],
    },
    optimization: {
      splitChunks: { chunks: 'all' },
    },
    performance: { hints: false },
    plugins: [
      ...(extractStyles ? griffelExtractionPlugins() : []),
      ...(env.bench ? benchPages() : []),
      new PreloadChunkGroupPlugin('pane', ['taskpane.html', 'benchPane.html']),
      new ScriptPriorityPlugin(),
      new CompileHintPlugin('pane'),
      // The deploy build (npm run build): not the workbench's, the benchmark's or a development server's.
      new BuildInfoPlugin(buildInfo(env), mode === 'production' && !workbench && !env.bench ? deployWarnings(env) : []),
      // The add-in's Microsoft Entra app: npm run build -- --env clientId=<app id> --env insightsScope=api://<id>/access_as_user
      new DefinePlugin({
        __AUTH_CONFIG__: JSON.stringify({ clientId: env.clientId || '', insightsScope: env.insightsScope || '' }),
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        templateContent: pageHtml('taskpane'),
        chunks: ['pageStart', 'taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'dialog.html',
        templateContent: pageHtml('dialog'),
        chunks: ['dialog'],
      }),
      // The Microsoft sign-in fallback (MSAL in an Office dialog) for Outlook without nested app authentication.
      new HtmlWebpackPlugin({
        filename: 'entra-sign-in.html',
        template: './src/dialog/entra-sign-in.html',
        chunks: ['entraSignIn'],
      }),
      ...(workbench ? workbenchPages() : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'public', to: '.' },
          { from: 'policy/linkedin-policy.schema.json', to: 'linkedin-policy.schema.json' },
          { from: 'policy/linkedin-policy.example.json', to: 'linkedin-policy.example.json' },
          // The organisation's manifest: its URLs, add-in id, provider name and version (npm run build -- --env …).
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => manifestForBuild(content.toString(), manifestSettings(env)) },
          // The unified manifest for Microsoft 365, derived from the same (rewritten) manifest.xml.
          {
            from: 'manifest.xml',
            to: 'manifest.json',
            transform: (content) =>
              `${JSON.stringify(unifiedManifestFromXml(manifestForBuild(content.toString(), manifestSettings(env))), null, 2)}\n`,
          },
        ],
      }),
    ],
    devServer: {
      host: 'localhost',
      // `--env https` (npm run start:outlook): Outlook needs HTTPS with Office's trusted dev certificates.
      ...(env.https ? { server: { type: 'https', options: await httpsDevCertificates() } } : {}),
      port: DEV_PORT,
      static: false,
      hot: false,
      client: { overlay: { warnings: false, errors: true } },
      headers: { 'Cache-Control': 'no-store' },
    },
  };
};
