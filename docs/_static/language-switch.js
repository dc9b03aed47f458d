// The language switch keeps the part of the address after "#", so that a
// reader at errors.html#code-36 lands on code 36 in the other language too.
// Without this script the links still lead to the same page.
(() => {
  const follow = () => {
    for (const link of document.querySelectorAll(".language-switch a[hreflang]")) {
      const url = new URL(link.href);
      url.hash = window.location.hash;
      link.href = url.href;
    }
  };
  document.addEventListener("DOMContentLoaded", follow);
  window.addEventListener("hashchange", follow);
})();
