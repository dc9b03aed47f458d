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
  const INTEGER = /^-?\d+$/;
  const DIGITS = /^\d+$/;
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

  /* A catalog of 100,000 codes is read once into a few long strings, one
   * per thing a term is matched against, with the entries' parts in order
   * (see joined): finding a term is an indexOf per entry that has it, not a
   * search of every entry, which took most of a keystroke's time. */

  const ENTRY_SEPARATOR = "\n"; // whitespace: no term has one, so none is found across two entries
  const WORD_CHARACTER = /[\p{L}\p{N}]/u;

  function isWordCharacter(charCode) {
    return (
      (charCode >= 97 && charCode <= 122) || // a-z (the text is in lower case)
      (charCode >= 48 && charCode <= 57) ||
      (charCode > 127 && WORD_CHARACTER.test(String.fromCharCode(charCode)))
    );
  }

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

  /** The parts of the entries, in order, as one string, and where each part starts (and, last, where the string ends). */
  function joined(parts) {
    const starts = new Uint32Array(parts.length + 1);
    let at = 0;
    parts.forEach((part, index) => {
      starts[index] = at;
      at += part.length + ENTRY_SEPARATOR.length;
    });
    starts[parts.length] = at;
    return { text: parts.join(ENTRY_SEPARATOR), starts };
  }

  /**
   * Codes or names in lower case (see joined), and where their words start
   * (see wordStarts), which is where a term must start to match one
   * ("rate_limit" in card_decline_rate_limit_exceeded).
   */
  function joinedIdentifiers(identifiers) {
    const strings = joined(identifiers.map((identifier) => identifier.toLowerCase()));
    const starts = new Uint8Array(strings.text.length);
    identifiers.forEach((identifier, index) => {
      if (!identifier) return;
      // Lower case changed its length (it is not ASCII, as the catalog requires): one word.
      const words = identifier.toLowerCase().length === identifier.length ? wordStarts(identifier) : [0];
      for (const start of words) starts[strings.starts[index] + start] = 1;
    });
    return { ...strings, startsAWord: (at) => starts[at] === 1 };
  }

  /** Texts in lower case (see joined), and where their words start: at a letter or digit after anything else. */
  function joinedTexts(texts) {
    const strings = joined(texts.map((text) => text.toLowerCase()));
    const { text } = strings;
    const starts = new Uint8Array(text.length);
    let before = false;
    for (let at = 0; at < text.length; at += 1) {
      const here = isWordCharacter(text.charCodeAt(at));
      if (here && !before) starts[at] = 1;
      before = here;
    }
    return { ...strings, startsAWord: (at) => starts[at] === 1 };
  }

  /**
   * Mark in `found` the entries whose part of `strings` (see joined) has
   * `needle`, where it starts a word if `fromAWordStart`: an indexOf per
   * entry that has it, and per place that does not start a word.
   */
  function findIn(strings, needle, fromAWordStart, found) {
    const { text, starts, startsAWord } = strings;
    let entry = 0;
    for (let at = text.indexOf(needle); at !== -1; ) {
      if (fromAWordStart && !startsAWord(at)) {
        at = text.indexOf(needle, at + 1);
        continue;
      }
      while (starts[entry + 1] <= at) entry += 1;
      found[entry] = 1;
      at = text.indexOf(needle, starts[entry + 1]);
    }
  }

  /** Mark in `found` the entries that have a code or name (see joinedIdentifiers) a word of which starts with `value`; any, if it is empty. */
  function findIdentifier(strings, value, found) {
    if (value) {
      findIn(strings, value, true, found);
      return;
    }
    for (let entry = 0; entry < found.length; entry += 1) {
      if (strings.starts[entry + 1] - strings.starts[entry] > ENTRY_SEPARATOR.length) found[entry] = 1;
    }
  }

  /**
   * Mark in `found` the entries that have `term` in a text (see
   * joinedTexts): at the start of a word if it starts with a letter or digit
   * ("marg" in "insufficient margin", not "gin"), anywhere if not ("-99").
   */
  function findText(strings, term, found) {
    findIn(strings, term.value, isWordCharacter(term.value.charCodeAt(0)), found);
  }

  /** A column the filter reads (HTTP status, retry advice, status): its values, each once, and which one each entry has. */
  class Column {
    constructor() {
      this.values = [];
      this.numbers = new Map();
      this.valueOf = [];
    }

    set(entry, value) {
      let number = this.numbers.get(value);
      if (number === undefined) {
        number = this.values.length;
        this.values.push(value);
        this.numbers.set(value, number);
      }
      this.valueOf[entry] = number;
    }

    /** Mark in `found` the entries whose value passes `test` (asked once per value). */
    find(test, found) {
      const passes = this.values.map(test);
      for (let entry = 0; entry < this.valueOf.length; entry += 1) {
        if (passes[this.valueOf[entry]]) found[entry] = 1;
      }
    }
  }

  /**
   * Every entry of the page, with what a query is matched against, read once
   * in lower case (see findIn and Column): its code and name, its category,
   * its description, its explanation, the columns the filter knows. The time
   * this takes is in the browser's performance timeline, as "errcodes-index"
   * (benchmarks/filter reports it).
   */
  function indexCatalog() {
    performance.mark("errcodes-index-start");
    const sections = document.querySelectorAll(".errcodes-category");
    const codes = [];
    const names = [];
    const descriptions = [];
    const explained = [];
    const explanations = [];
    const columns = { http: new Column(), retryable: new Column(), status: new Column() };
    const categories = [];
    const elements = [];
    for (const section of sections) {
      const heading = section.querySelector(":scope > :is(h1, h2, h3, h4, h5, h6)");
      const category = { element: section, name: heading ? headingText(heading) : "", first: codes.length, lists: [], shown: true };
      for (const list of section.querySelectorAll(".errcodes-list")) {
        category.lists.push({ element: list, first: codes.length, end: codes.length + list.children.length, shown: true });
        for (const element of list.children) {
          const entry = codes.length;
          elements.push(element);
          const [term, definition] = element.children;
          const code = term && term.querySelector(".errcodes-code");
          let description = "";
          let explanation = null;
          for (const part of definition ? definition.children : []) {
            if (part.classList.contains("errcodes-description")) description = part.textContent;
            else if (part.classList.contains("errcodes-explanation")) explanation = part;
          }
          codes.push(code ? code.textContent : "");
          names.push(element.getAttribute("data-errcodes-name") || "");
          descriptions.push(description);
          explained.push(explanation ? explanation.textContent : "");
          // A long explanation starts closed; the filter opens it when it finds a word inside.
          if (explanation instanceof HTMLDetailsElement) explanations.push({ entry, details: explanation, openedByFilter: false });
          columns.http.set(entry, element.getAttribute("data-errcodes-http-status") || "");
          const retryable = element.getAttribute("data-errcodes-retryable");
          columns.retryable.set(entry, RETRYABLE.has(retryable) ? retryable : "unknown");
          columns.status.set(entry, (element.getAttribute("data-errcodes-status") || "active").toLowerCase());
        }
      }
      category.end = codes.length;
      categories.push(category);
    }
    const catalog = {
      categories,
      elements,
      explanations,
      columns,
      total: codes.length,
      categoryNames: joinedTexts(categories.map((category) => category.name)),
      codes: joinedIdentifiers(codes),
      names: joinedIdentifiers(names),
      descriptions: joinedTexts(descriptions),
      explained: joinedTexts(explained),
      matched: new Uint8Array(codes.length).fill(1),
      // The entries the DOM shows (those of a hidden category are left as they were).
      applied: new Uint8Array(codes.length).fill(1),
      found: new Uint8Array(codes.length),
    };
    performance.measure("errcodes-index", "errcodes-index-start");
    return catalog;
  }

  /** Whether an HTTP status fits `pattern`, its start, in which "x" stands for any digit ("4xx", "40"). */
  function httpStatusFits(status, pattern) {
    if (!status || pattern.length > status.length) return false;
    for (let at = 0; at < pattern.length; at += 1) {
      if (pattern[at] !== "x" && pattern[at] !== status[at]) return false;
    }
    return true;
  }

  /** Mark the entries that have the term at the start of the code or of a word of the code or name, or of a word of their category or description. */
  function findInEntries(catalog, term, found) {
    findIdentifier(catalog.codes, term.value, found);
    findIdentifier(catalog.names, term.value, found);
    findText(catalog.descriptions, term, found);
    const inCategories = new Uint8Array(catalog.categories.length);
    findText(catalog.categoryNames, term, inCategories);
    catalog.categories.forEach((category, index) => {
      if (inCategories[index]) found.fill(1, category.first, category.end);
    });
  }

  /* What each kind of term matches: each marks in `found` the entries that
   * have it. The value of "http:", "retryable:", "status:" or "name:" may be
   * the start of what it stands for, as a word may be: the box filters
   * while the reader types. */
  const FIND = {
    // As findInEntries, or the start of a word of the explanation.
    word(catalog, term, found) {
      findInEntries(catalog, term, found);
      findText(catalog.explained, term, found);
    },
    // As findInEntries, or the HTTP status exactly; not the numbers of
    // explanations, which name other codes and values.
    number(catalog, term, found) {
      findInEntries(catalog, term, found);
      catalog.columns.http.find((status) => status === term.value, found);
    },
    http: (catalog, term, found) => catalog.columns.http.find((status) => httpStatusFits(status, term.value), found),
    retryable: (catalog, term, found) => catalog.columns.retryable.find((value) => RETRYABLE.get(value).some((word) => word.startsWith(term.value)), found),
    status: (catalog, term, found) => catalog.columns.status.find((status) => status.startsWith(term.value), found),
    name: (catalog, term, found) => findIdentifier(catalog.names, term.value, found),
  };

  /** One term of a query (in lower case): what kind it is and what it looks for. */
  function parseTerm(text) {
    let kind = DIGITS.test(text) ? "number" : "word";
    let value = text;
    const field = FIELD_TERM.exec(text);
    if (field) [, kind, value] = field;
    else if (text === "retryable") [kind, value] = ["retryable", "yes"];
    return { kind, value };
  }

  /** The terms of a query: its words, in lower case. */
  function parseQuery(query) {
    return query.toLowerCase().split(/\s+/).filter(Boolean).map(parseTerm);
  }

  /** Set catalog.matched: the entries that match every term. */
  function match(catalog, terms) {
    const { matched, found } = catalog;
    matched.fill(1);
    for (const term of terms) {
      found.fill(0);
      FIND[term.kind](catalog, term, found);
      for (let entry = 0; entry < matched.length; entry += 1) matched[entry] &= found[entry];
    }
  }

  /** Open a closed explanation that holds a word of the query; close it again when the query no longer does. */
  function revealExplanations(catalog, terms) {
    const explained = new Uint8Array(catalog.total);
    for (const term of terms) {
      if (term.kind === "word") findText(catalog.explained, term, explained);
    }
    for (const explanation of catalog.explanations) {
      const { entry, details } = explanation;
      const found = catalog.matched[entry] === 1 && explained[entry] === 1;
      if (found && !details.open) {
        details.open = true;
        explanation.openedByFilter = true;
      } else if (!found && explanation.openedByFilter) {
        details.open = false;
        explanation.openedByFilter = false;
      }
    }
  }

  /** Show the entries of a list that match, or hide the list if none does (leaving its entries as they are). */
  function showInList({ matched, applied, elements }, list) {
    let visible = false;
    for (let entry = list.first; entry < list.end && !visible; entry += 1) visible = matched[entry] === 1;
    if (visible) {
      for (let entry = list.first; entry < list.end; entry += 1) {
        if (matched[entry] !== applied[entry]) {
          applied[entry] = matched[entry];
          elements[entry].hidden = !matched[entry];
        }
      }
    }
    if (visible !== list.shown) {
      list.shown = visible;
      list.element.hidden = !visible;
    }
  }

  /**
   * Show the entries that match every term, and the categories that have
   * one. Only what changes is written to the DOM, and the entries of a hidden
   * category or list are left as they are until it shows again: clearing a
   * query that matched nothing writes nothing but the categories, and a
   * query that matches whole runs of codes (a code's first digits) writes
   * to a list rather than to each of its 50 entries. A category is
   * hidden by its heading and its block of lists, not as a whole: the block
   * is skipped by the browser away from the viewport (errcodes.css), which
   * makes hiding it cheap, while hiding the section around it would cost a
   * visit of every element inside.
   */
  function showMatches(catalog, terms) {
    match(catalog, terms);
    revealExplanations(catalog, terms);
    let shown = 0;
    for (const category of catalog.categories) {
      let matchedInCategory = 0;
      for (let entry = category.first; entry < category.end; entry += 1) matchedInCategory += catalog.matched[entry];
      const visible = matchedInCategory > 0;
      if (visible) {
        for (const list of category.lists) showInList(catalog, list);
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
