// The language switch keeps the rest of the address: the code the reader is
// at (errors.html#code-36) and the query of the search page (search.html?q=36).
// Without this script the links still lead to the same page.
(() => {
  const follow = () => {
    for (const link of document.querySelectorAll(".language-switch a[hreflang]")) {
      const url = new URL(link.href);
      url.search = window.location.search;
      url.hash = window.location.hash;
      link.href = url.href;
    }
  };
  document.addEventListener("DOMContentLoaded", follow);
  window.addEventListener("hashchange", follow);
})();
