/* sphinx-errcodes: the page a moved page left behind (written by
 * sphinx_errcodes/redirects.py) sends the browser to the page's new address,
 * keeping the query and the fragment. A fragment that names a code or a
 * category of a catalog that the new page shows goes to the page that shows
 * it now, found in the map of errcodes-anchors.js, which is loaded first; any
 * other fragment goes to the new page. No network, no libraries.
 */
"use strict";

(() => {
  const script = document.currentScript;
  // This file is <output root>/_static/errcodes-moved.js; the map's pages are relative to the root.
  const root = new URL("..", script.src);
  const map = window.errcodesAnchors || { pages: [], catalogs: {} };
  const fragment = location.hash.slice(1);
  // The fragment is looked up in the catalogs that the new page shows; when it
  // shows none, in every catalog, and followed only if one of them has it.
  const shown = (script.dataset.errcodesCatalogs || "").split(" ").filter((name) => Object.hasOwn(map.catalogs, name));
  const hits = (shown.length ? shown : Object.keys(map.catalogs)).filter((name) => Object.hasOwn(map.catalogs[name], fragment));
  const page = hits.length === 1 || (shown.length && hits.length) ? map.pages[map.catalogs[hits[0]][fragment]] : undefined;
  const target = page === undefined ? new URL(script.dataset.errcodesMovedTo, location.href) : new URL(page, root);
  target.search = location.search;
  if (location.hash) {
    target.hash = location.hash;
  }
  location.replace(target.href);
})();
