import { publicProfileSchema } from '../../src/contract/insights';

const profile = (links: { photoUrl?: string; profileUrl?: string }) =>
  publicProfileSchema.parse({ id: 'li-1', name: 'Aiko Tanaka', ...links });

describe('photos and profile links each come only from their own LinkedIn hosts', () => {
  test('a photo from the photo host and a link to the site are kept', () => {
    expect(profile({ photoUrl: 'https://media.licdn.com/dms/image/a/b/0', profileUrl: 'https://www.linkedin.com/in/aiko' })).toMatchObject({
      photoUrl: 'https://media.licdn.com/dms/image/a/b/0',
      profileUrl: 'https://www.linkedin.com/in/aiko',
    });
  });
  test('a "profile" link to the photo host is dropped', () => {
    expect(profile({ profileUrl: 'https://media.licdn.com/in/aiko' }).profileUrl).toBeUndefined();
  });
  test('a "photo" from the site (which the pages CSP would block) is dropped', () => {
    expect(profile({ photoUrl: 'https://www.linkedin.com/photo.png' }).photoUrl).toBeUndefined();
  });
});
