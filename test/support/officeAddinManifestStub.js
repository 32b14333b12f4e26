// office-addin-mock needs only the OfficeApp names from office-addin-manifest, whose dependency tree is ESM-only
// (uuid, strip-bom) and would not load under jest's CommonJS. These are the same string values it exports.
module.exports = {
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', Project: 'project', PowerPoint: 'powerpoint', Word: 'word' },
};
