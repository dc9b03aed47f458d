/* sphinx-errcodes: the filter box and the "Copy link" buttons of the
 * error-codes page (wired in sphinx_errcodes/assets.py).
 *
 * The page is complete without this script, and the controls it drives are
 * already in the markup, so nothing moves when it starts. Catalog text is only
 * ever read with textContent (or from the data- attributes of an entry), and
 * everything this script writes goes through textContent too: no text becomes
 * HTML. Its words, in the page's language, come from the page (see WORDS).
 * No network, no libraries.
 */
"use strict";

(() => {
  const QUERY_PARAMETER = "q";
  const URL_UPDATE_DELAY_MS = 1000;
  const CONFIRMATION_MS = 2000;
  const WORD_CHARACTER = /[\p{L}\p{N}]/u;
  const INTEGER = /^-?\d+$/;
  const DIGITS = /^\d+$/;
  const HTTP_STATUS = /^[1-5]\d\d$/;
  // A term that looks at one column: "http:4xx", "retryable:no", "status:retired", "name:not_found".
  const FIELD_TERM = /^(http|retryable|status|name):(.*)$/;
  // What "retryable:" accepts for each value of the column (true and false, as the catalog does).
  const RETRYABLE = new Map([
    ["yes", ["yes", "true"]],
    ["no", ["no", "false"]],
    ["unknown", ["unknown"]],
  ]);

  /* ---- Words ------------------------------------------------------------- */

  /* What this script writes, in the page's language, from its own tag
   * (sphinx_errcodes/translation.py): each template has {placeholders}, and
   * a count has one template per plural category of the language. */
  const WORDS = JSON.parse((document.currentScript || document.querySelector("script[data-errcodes-words]")).dataset.errcodesWords);
  const PLURAL_RULES = pluralRules(document.documentElement.lang);

  function pluralRules(language) {
    try {
      // Sphinx writes a language tag (zh-CN); a locale name (zh_CN) is read as one too.
      return new Intl.PluralRules(language ? language.replaceAll("_", "-") : undefined);
    } catch {
      return new Intl.PluralRules("en"); // a lang attribute that is no language tag
    }
  }

  /** The template for `count` of a template per plural category; "other" for a category the build gave none. */
  function plural(templates, count) {
    return templates[PLURAL_RULES.select(count)] ?? templates.other ?? Object.values(templates)[0];
  }

  /** A template with each {name} replaced by its value, as text. */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (placeholder, name) => (Object.hasOwn(values, name) ? String(values[name]) : placeholder));
  }

  /* ---- Filtering --------------------------------------------------------- */

  /** The text of a category heading, without its "¶" link. */
  function headingText(heading) {
    let text = "";
    for (const child of heading.childNodes) {
      if (!(child instanceof Element && child.classList.contains("headerlink"))) {
        text += child.textContent;
      }
    }
    return text;
  }

  /** What a character of a code or name is, for telling where its words start. */
  function characterClass(charCode) {
    if (charCode === 95 || charCode === 45 || charCode === 46) return "separator"; // _ - .
    if (charCode >= 48 && charCode <= 57) return "digit";
    if (charCode >= 65 && charCode <= 90) return "capital";
    return "letter";
  }

  /**
   * Where the words of a code or name start: at its start, after "_", "-"
   * or ".", between letters and digits (E0308), and at a capital after a
   * small letter (InvalidQuantity). An integer code (-99, 10003) is one word:
   * "99" is not code -99.
   */
  function wordStarts(identifier) {
    const starts = [0];
    if (INTEGER.test(identifier)) return starts;
    let before = characterClass(identifier.charCodeAt(0));
    for (let at = 1; at < identifier.length; at += 1) {
      const here = characterClass(identifier.charCodeAt(at));
      if (
        here !== "separator" &&
        (before === "separator" ||
          (before === "digit") !== (here === "digit") ||
          (before === "letter" && here === "capital"))
      ) {
        starts.push(at);
      }
      before = here;
    }
    return starts;
  }

  /**
   * A code or name, in lower case, as the text that follows each start of a
   * word, each after a space: a term matches it when this includes the term
   * after a space ("rate_limit" in card_decline_rate_limit_exceeded). One
   * string search, however many words it has.
   */
  function identifierKeys(identifier) {
    if (!identifier) return "";
    const lower = identifier.toLowerCase();
    // Lower case changed its length (it is not ASCII, as the catalog requires): one word.
    if (lower.length !== identifier.length) return ` ${lower}`;
    let keys = "";
    for (const start of wordStarts(identifier)) keys += ` ${lower.slice(start)}`;
    return keys;
  }

  /**
   * Every entry of the page, with what a query is matched against, read once
   * (in lower case: its code and name, its category and description
   * together, the columns the filter knows). `shown` is what the DOM shows,
   * `matched` what the last query wants. The time this takes is in the
   * browser's performance timeline, as "errcodes-index" (benchmarks/filter
   * reports it).
   */
  function indexCatalog() {
    performance.mark("errcodes-index-start");
    const categories = [];
    let total = 0;
    for (const section of document.querySelectorAll(".errcodes-category")) {
      const heading = section.querySelector(":scope > :is(h1, h2, h3, h4, h5, h6)");
      const category = heading ? headingText(heading) : "";
      const entries = [];
      for (const element of section.querySelectorAll(".errcodes-entry")) {
        const code = element.querySelector(".errcodes-code");
        const description = element.querySelector(".errcodes-description");
        const explanation = element.querySelector(".errcodes-explanation");
        const shown = !element.hidden;
        entries.push({
          element,
          code: identifierKeys(code ? code.textContent : ""),
          name: identifierKeys(element.getAttribute("data-errcodes-name") || ""),
          text: `${category} ${description ? description.textContent : ""}`.toLowerCase(),
          http: element.getAttribute("data-errcodes-http-status") || "",
          retryable: RETRYABLE.get(element.getAttribute("data-errcodes-retryable")) || RETRYABLE.get("unknown"),
          status: (element.getAttribute("data-errcodes-status") || "active").toLowerCase(),
          explained: explanation ? explanation.textContent.toLowerCase() : "",
          // A long explanation starts closed; the filter opens it when it finds a word inside.
          details: explanation instanceof HTMLDetailsElement ? explanation : null,
          openedByFilter: false,
          shown,
          matched: shown,
        });
      }
      categories.push({ element: section, entries, shown: true });
      total += entries.length;
    }
    performance.measure("errcodes-index", "errcodes-index-start");
    return { categories, total, terms: [] };
  }

  function isWordCharacter(charCode) {
    return (
      (charCode >= 97 && charCode <= 122) || // a-z (the text is in lower case)
      (charCode >= 48 && charCode <= 57) ||
      (charCode > 127 && WORD_CHARACTER.test(String.fromCharCode(charCode)))
    );
  }

  /** Whether `term` starts a word of `text` ("marg" in "insufficient margin", not "gin"). */
  function startsAWord(text, term) {
    if (!isWordCharacter(term.charCodeAt(0))) return text.includes(term);
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
      if (at === 0 || !isWordCharacter(text.charCodeAt(at - 1))) return true;
    }
    return false;
  }

  /** Whether an HTTP status fits `pattern`, its start, in which "x" stands for any digit ("4xx", "40"). */
  function httpStatusFits(status, pattern) {
    if (!status || pattern.length > status.length) return false;
    for (let at = 0; at < pattern.length; at += 1) {
      if (pattern[at] !== "x" && pattern[at] !== status[at]) return false;
    }
    return true;
  }

  /* What each kind of term matches. The value of "http:", "retryable:",
   * "status:" or "name:" may be the start of what it stands for, as a word
   * may be: the box filters while the reader types. */
  const MATCHES = {
    // The start of the code or of a word of the code or name, or of a word of the category, description or explanation.
    word: (entry, term) => foundInEntry(entry, term) || foundInExplanation(entry, term),
    // The start of a code or a word of the entry, or the HTTP status exactly; not the
    // numbers of explanations, which name other codes and values.
    number: (entry, term) => entry.http === term.value || foundInEntry(entry, term),
    http: (entry, term) => httpStatusFits(entry.http, term.value),
    retryable: (entry, term) => entry.retryable.some((value) => value.startsWith(term.value)),
    status: (entry, term) => entry.status.startsWith(term.value),
    name: (entry, term) => entry.name.includes(term.key),
  };

  function foundInEntry(entry, term) {
    return entry.code.includes(term.key) || entry.name.includes(term.key) || startsAWord(entry.text, term.value);
  }

  function foundInExplanation(entry, term) {
    return entry.explained !== "" && startsAWord(entry.explained, term.value);
  }

  /** Open a closed explanation that holds a word of the query; close it again when the query no longer does. */
  function revealExplanation(entry, terms) {
    if (!entry.details) return;
    const found = entry.matched && terms.some((term) => term.kind === "word" && foundInExplanation(entry, term));
    if (found && !entry.details.open) {
      entry.details.open = true;
      entry.openedByFilter = true;
    } else if (!found && entry.openedByFilter) {
      entry.details.open = false;
      entry.openedByFilter = false;
    }
  }

  /** One term of a query (in lower case): what kind it is, what it looks for, and that after a space (see identifierKeys). */
  function parseTerm(text) {
    let kind = DIGITS.test(text) ? "number" : "word";
    let value = text;
    const field = FIELD_TERM.exec(text);
    if (field) [, kind, value] = field;
    else if (text === "retryable") [kind, value] = ["retryable", "yes"];
    return { kind, value, key: ` ${value}` };
  }

  /** The terms of a query: its words, in lower case. */
  function parseQuery(query) {
    return query.toLowerCase().split(/\s+/).filter(Boolean).map(parseTerm);
  }

  /** An entry matches when it matches every term. */
  function matches(entry, terms) {
    for (const term of terms) {
      if (!MATCHES[term.kind](entry, term)) return false;
    }
    return true;
  }

  /**
   * Whether what `term` matches is part of what `previous` matched: the same
   * kind, typed on. Not so for a number that becomes an HTTP status, which
   * it also matches exactly ("40", then "404").
   */
  function refines(term, previous) {
    if (term.kind !== previous.kind || !term.value.startsWith(previous.value)) return false;
    return term.kind !== "number" || term.value === previous.value || !HTTP_STATUS.test(term.value);
  }

  /**
   * Whether every entry that matches `terms` matched `previous` (each
   * previous term refined by the term in its place, as when typing on):
   * then only the entries that matched need checking again.
   */
  function narrows(terms, previous) {
    return terms.length >= previous.length && previous.every((term, index) => refines(terms[index], term));
  }

  /**
   * Show the entries that match every term, and the categories that have
   * one. Only what changes is written to the DOM, and the entries of a hidden
   * category are left as they are until it shows again: clearing a query that
   * matched nothing writes nothing but the categories. A category is hidden
   * by its heading and its block of lists, not as a whole: the block is
   * skipped by the browser away from the viewport (errcodes.css), which
   * makes hiding it cheap, while hiding the section around it would cost a
   * visit of every element inside.
   */
  function showMatches(catalog, terms) {
    const narrowing = narrows(terms, catalog.terms);
    catalog.terms = terms;
    let shown = 0;
    for (const category of catalog.categories) {
      let matchedInCategory = 0;
      for (const entry of category.entries) {
        if (entry.matched || !narrowing) entry.matched = matches(entry, terms);
        revealExplanation(entry, terms);
        if (entry.matched) matchedInCategory += 1;
      }
      const visible = matchedInCategory > 0;
      if (visible) {
        for (const entry of category.entries) {
          if (entry.matched !== entry.shown) {
            entry.shown = entry.matched;
            entry.element.hidden = !entry.matched;
          }
        }
      }
      if (visible !== category.shown) {
        category.shown = visible;
        for (const part of category.element.children) part.hidden = !visible;
      }
      shown += matchedInCategory;
    }
    return shown;
  }

  function describe(shown, total, query) {
    if (!query) return fill(plural(WORDS.codes, total), { count: total });
    if (!shown) return fill(WORDS.noMatch, { query });
    return fill(plural(WORDS.shownOf, total), { shown, count: total });
  }

  function setText(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }

  function queryInUrl() {
    return new URLSearchParams(location.search).get(QUERY_PARAMETER) || "";
  }

  /** This page's URL with the query (none if empty) and the fragment given. */
  function urlOf(query, hash) {
    const url = new URL(location.href);
    if (query) url.searchParams.set(QUERY_PARAMETER, query);
    else url.searchParams.delete(QUERY_PARAMETER);
    url.hash = hash;
    return url.href;
  }

  function replaceUrl(href) {
    if (href !== location.href) history.replaceState(history.state, "", href);
  }

  /** The element the URL's fragment names, if it belongs to the catalog. */
  function catalogTarget() {
    let id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      return null;
    }
    const target = id && document.getElementById(id);
    return target && target.closest(".errcodes-category") ? target : null;
  }

  function setUpFilter(box) {
    const input = box.querySelector(".errcodes-filter-input");
    const status = box.querySelector(".errcodes-filter-status");
    let catalog = null;
    let urlTimer = 0;

    function filter(query) {
      catalog ??= indexCatalog();
      const shown = showMatches(catalog, parseQuery(query));
      setText(status, describe(shown, catalog.total, query.trim()));
    }

    /* The URL follows the box with replaceState once typing pauses, or when
     * the box loses focus (to the address bar, say): no history entry per
     * keystroke, browsers limit how often the URL may change, and on a page
     * with thousands of links a change costs the browser a moment. Typing
     * drops the fragment, which may name an entry the filter hides. */
    function writeQueryToUrl(hash) {
      clearTimeout(urlTimer);
      urlTimer = 0;
      replaceUrl(urlOf(input.value, hash));
    }

    function writeQueryToUrlSoon() {
      clearTimeout(urlTimer);
      urlTimer = setTimeout(writeQueryToUrl, URL_UPDATE_DELAY_MS, "");
    }

    function clear() {
      input.value = "";
      filter("");
    }

    input.addEventListener("input", () => {
      filter(input.value);
      writeQueryToUrlSoon();
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && input.value) {
        event.preventDefault();
        clear();
        writeQueryToUrlSoon();
      }
    });
    window.addEventListener("popstate", () => {
      if (urlTimer) {
        // A link was followed before the URL caught up with the box: the new
        // history entry gets the query, and the filter stays.
        writeQueryToUrl(location.hash);
        return;
      }
      const query = queryInUrl();
      if (query !== input.value) {
        input.value = query;
        filter(query);
      }
    });
    for (const [target, type] of [[input, "blur"], [window, "pagehide"]]) {
      target.addEventListener(type, () => {
        if (urlTimer) writeQueryToUrl("");
      });
    }

    const initial = queryInUrl() || input.value;
    if (initial) {
      input.value = initial;
      filter(initial);
    } else {
      // Read the catalog while the browser is idle, not on the first keystroke.
      const prepare = () => {
        catalog ??= indexCatalog();
      };
      if (window.requestIdleCallback) requestIdleCallback(prepare, { timeout: 2000 });
      else setTimeout(prepare, 500);
    }

    /** A link to an entry (or category) the filter hides clears the filter. */
    return function uncover(target) {
      const hiddenCategory = target.classList.contains("errcodes-category") && [...target.children].every((part) => part.hidden);
      if (hiddenCategory || target.closest("[hidden]")) {
        clear();
        writeQueryToUrl(location.hash);
      }
    };
  }

  /* ---- Links to entries -------------------------------------------------- */

  /**
   * Bring the linked entry to the top of the window, below the theme's sticky
   * header (scroll-margin-top in errcodes.css). The browser sizes the entries
   * it has not laid out yet by an estimate (content-visibility in
   * errcodes.css), so the entry moves once those around it are laid out:
   * scroll again until it has stayed put for a few frames (half a second at
   * most), unless the reader takes over.
   */
  function settleOn(target) {
    let top = null;
    let stillFrames = 0;
    let framesLeft = 30;
    const readerTakesOver = new AbortController();
    for (const type of ["wheel", "touchstart", "keydown", "mousedown"]) {
      window.addEventListener(type, () => readerTakesOver.abort(), { once: true, passive: true, signal: readerTakesOver.signal });
    }
    const step = () => {
      if (readerTakesOver.signal.aborted) return;
      if (top === null || Math.abs(target.getBoundingClientRect().top - top) >= 1) {
        target.scrollIntoView({ behavior: "instant", block: "start" });
        top = target.getBoundingClientRect().top;
        stillFrames = 0;
      } else {
        stillFrames += 1;
      }
      framesLeft -= 1;
      if (stillFrames < 3 && framesLeft > 0) requestAnimationFrame(step);
      else readerTakesOver.abort();
    };
    step();
  }

  /**
   * A search result opens the page with its words marked by Sphinx's
   * sphinx_highlight.js (span.highlighted, added just after load). A word
   * found only in an explanation leads to that entry: its explanation opens
   * and the entry comes into view, as if the address had named it.
   */
  function goToHighlightedExplanation(uncover) {
    if (catalogTarget()) return;
    const watching = new MutationObserver(() => {
      const word = document.querySelector(".errcodes-explanation .highlighted");
      if (!word) return;
      watching.disconnect();
      const entry = word.closest(".errcodes-entry");
      if (uncover) uncover(entry);
      const details = entry.querySelector("details.errcodes-explanation");
      if (details) details.open = true;
      settleOn(entry);
    });
    watching.observe(document.body, { childList: true, subtree: true });
    // sphinx_highlight.js marks the words within a moment of loading, or not at all.
    window.setTimeout(() => watching.disconnect(), 2000);
  }

  function goToTarget(uncover) {
    const target = catalogTarget();
    if (!target) return;
    if (uncover) uncover(target);
    const details = target.querySelector("details.errcodes-explanation");
    if (details) details.open = true;
    settleOn(target);
  }

  /* ---- Copy link --------------------------------------------------------- */

  let announcer = null;

  /** Tell screen readers, through a visually hidden live region made once. */
  function announce(text) {
    if (!announcer) {
      announcer = document.createElement("div");
      announcer.className = "errcodes-visually-hidden";
      announcer.setAttribute("role", "status");
      announcer.setAttribute("aria-live", "polite");
      document.body.append(announcer);
    }
    announcer.textContent = "";
    // A change in a later task is announced even if the text is the same as before.
    setTimeout(() => {
      announcer.textContent = text;
    }, 50);
  }

  const labelTimers = new WeakMap();
  const buttonLabels = new WeakMap(); // what a button says in the markup, to say it again after a result

  function showResult(button, label, announcement, copied) {
    clearTimeout(labelTimers.get(button));
    if (!buttonLabels.has(button)) buttonLabels.set(button, button.textContent);
    button.textContent = label;
    button.classList.toggle("errcodes-copied", copied);
    button.classList.toggle("errcodes-copy-failed", !copied);
    announce(announcement);
    labelTimers.set(
      button,
      setTimeout(() => {
        button.textContent = buttonLabels.get(button);
        button.classList.remove("errcodes-copied", "errcodes-copy-failed");
      }, CONFIRMATION_MS),
    );
  }

  async function copyLink(button) {
    const entry = button.closest(".errcodes-entry");
    const code = entry.querySelector(".errcodes-code").textContent;
    const link = new URL(location.href);
    link.search = "";
    link.hash = entry.id;
    try {
      await navigator.clipboard.writeText(link.href);
      showResult(button, WORDS.copied, fill(WORDS.copiedAnnouncement, { code }), true);
    } catch {
      // No clipboard (a page served over plain HTTP, a denied permission):
      // the address bar shows the link instead.
      replaceUrl(urlOf(queryInUrl(), entry.id));
      showResult(button, WORDS.copyFailed, fill(WORDS.failedAnnouncement, { code }), false);
    }
  }

  /* ---- Start ------------------------------------------------------------- */

  const box = document.querySelector(".errcodes-filter");
  const uncover = box ? setUpFilter(box) : null;
  window.addEventListener("hashchange", () => goToTarget(uncover));
  if (document.readyState === "complete") goToTarget(uncover);
  else window.addEventListener("load", () => goToTarget(uncover), { once: true });
  goToHighlightedExplanation(uncover);
  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element && event.target.closest(".errcodes-copy");
    if (button) copyLink(button);
  });
})();
