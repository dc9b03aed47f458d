/* sphinx-errcodes: the page a moved page left behind (written by
 * sphinx_errcodes/redirects.py) sends the browser to the page's new address,
 * keeping the query and the fragment. A fragment that names a code or a
 * category of the catalog goes to the page that shows it now, found in the
 * map of errcodes-anchors.js, which is loaded first; any other fragment goes
 * to the new page. No network, no libraries.
 */
"use strict";

(() => {
  const script = document.currentScript;
  // This file is <output root>/_static/errcodes-moved.js; the map's pages are relative to the root.
  const root = new URL("..", script.src);
  const map = window.errcodesAnchors || { pages: [], anchors: {} };
  const fragment = location.hash.slice(1);
  const page = Object.hasOwn(map.anchors, fragment) ? map.pages[map.anchors[fragment]] : undefined;
  const target = page === undefined ? new URL(script.dataset.errcodesMovedTo, location.href) : new URL(page, root);
  target.search = location.search;
  if (location.hash) {
    target.hash = location.hash;
  }
  location.replace(target.href);
})();
