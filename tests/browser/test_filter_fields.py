"""The filter box also finds codes by their name, HTTP status, retry advice and status.

On the page of ``roots/test-fields-browser``: a term is a word (of a code, a
name, the category or the description), a number (the start of a code, or an
HTTP status), or a column and a value: ``http:404``, ``http:4xx``,
``retryable``, ``retryable:no``, ``retryable:unknown``, ``status:retired``,
``name:order``. Every term must match.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .fields_page import FIELDS_CODES, LONG_CODE, TOTAL, codes_where
from .reference_page import filter_field, shown_codes, status


@pytest.fixture
def page(open_fields_page):
    return open_fields_page()


def filter_by(page, query: str) -> set[str]:
    """Type the query key by key, as a reader does, and return the codes shown."""
    filter_field(page).press_sequentially(query)
    expect(status(page)).not_to_have_text(TOTAL)
    return shown_codes(page)


# ---- Words of codes and names ------------------------------------------------


def test_a_word_inside_a_name_finds_the_code(page):
    assert filter_by(page, "timeout") == {"41"}  # lock_timeout


def test_the_last_word_of_a_capitalised_name_finds_the_code(page):
    assert filter_by(page, "found") == {"12"}  # NOT_FOUND


def test_a_name_is_found_by_its_start_in_any_case(page):
    assert filter_by(page, "NOT_F") == {"12"}
    filter_field(page).fill("card_dec")
    assert shown_codes(page) == {"19"}  # card_decline_rate_limit_exceeded


def test_words_of_a_name_in_a_row_find_the_code(page):
    assert filter_by(page, "rate_limit") == {"19"}


def test_a_word_of_a_camel_case_name_finds_the_code(page):
    assert filter_by(page, "range") == {"4041"}  # PriceOutOfRange


def test_a_word_inside_a_string_code_finds_it(page):
    assert filter_by(page, "intent") == {LONG_CODE}


def test_the_digits_after_the_letters_of_a_code_find_it(page):
    assert filter_by(page, "0308") == {"E0308"}


def test_the_middle_of_a_word_of_a_name_finds_nothing(page):
    filter_field(page).fill("imeout")
    expect(status(page)).to_have_text("No codes match \u201cimeout\u201d")


def test_the_digits_of_a_negative_code_are_not_a_word_of_it(page):
    assert filter_by(page, "99") == set()


def test_name_colon_looks_at_names_only(page):
    assert filter_by(page, "order") == codes_where(category="Orders")
    filter_field(page).fill("name:order")
    expect(status(page)).to_have_text(f"1 of {TOTAL}")
    assert shown_codes(page) == {"18"}  # ORDER_EXPIRED


# ---- HTTP status -------------------------------------------------------------


def test_http_and_a_status_finds_the_codes_with_that_status(page):
    assert filter_by(page, "http:404") == {"12"}


def test_http_and_a_class_finds_the_codes_with_a_status_of_that_class(page):
    assert filter_by(page, "http:5xx") == {"-99", "41"}
    filter_field(page).fill("http:4xx")
    expect(status(page)).to_have_text(f"{len(FIELDS_CODES) - 2} of {TOTAL}")
    assert shown_codes(page) == FIELDS_CODES - {"-99", "41"}


def test_the_start_of_a_status_finds_the_statuses_it_starts(page):
    assert filter_by(page, "http:40") == {"36", LONG_CODE, "37", "4041", "12"}  # 400 to 409


def test_an_uppercase_http_query_works_too(page):
    assert filter_by(page, "HTTP:5XX") == {"-99", "41"}


def test_a_bare_number_finds_the_codes_it_starts_and_the_codes_with_that_status(page):
    assert filter_by(page, "404") == {"4041", "12"}  # 12 is NOT_FOUND, HTTP 404


def test_typing_a_number_on_until_it_is_a_status_finds_that_status(page):
    filter_field(page).press_sequentially("40")
    expect(status(page)).to_have_text(f"1 of {TOTAL}")
    assert shown_codes(page) == {"4041"}
    filter_field(page).press_sequentially("4")
    expect(status(page)).to_have_text(f"2 of {TOTAL}")
    assert shown_codes(page) == {"4041", "12"}
    filter_field(page).press("Backspace")
    expect(status(page)).to_have_text(f"1 of {TOTAL}")
    assert shown_codes(page) == {"4041"}


def test_a_status_that_no_code_has_finds_nothing(page):
    filter_field(page).fill("http:418")
    expect(status(page)).to_have_text("No codes match \u201chttp:418\u201d")


# ---- Retry advice ------------------------------------------------------------


def test_retryable_finds_the_codes_that_may_be_retried(page):
    assert filter_by(page, "retryable") == codes_where(retryable="yes") == {"-99", "41", "19"}


def test_retryable_no_finds_the_codes_that_may_not_be_retried(page):
    assert filter_by(page, "retryable:no") == codes_where(retryable="no")


def test_retryable_unknown_finds_the_codes_without_retry_advice(page):
    assert filter_by(page, "retryable:unknown") == codes_where(retryable="") == {"20", "E0308", "18"}


# ---- Status ------------------------------------------------------------------


def test_status_deprecated_finds_the_deprecated_codes(page):
    assert filter_by(page, "status:deprecated") == {"19"}


def test_status_retired_finds_the_retired_codes(page):
    assert filter_by(page, "status:retired") == {"18"}


def test_status_active_finds_the_codes_neither_deprecated_nor_retired(page):
    assert filter_by(page, "status:active") == FIELDS_CODES - {"18", "19"}


# ---- Together ----------------------------------------------------------------


def test_every_term_must_match(page):
    assert filter_by(page, "http:4xx retryable") == {"19"}
    filter_field(page).fill("status:active retryable")
    expect(status(page)).to_have_text(f"2 of {TOTAL}")
    assert shown_codes(page) == {"-99", "41"}


def test_a_column_term_and_a_word_combine(page):
    assert filter_by(page, "retryable:no card") == {LONG_CODE}  # "The card holder did not complete..."


def test_a_column_query_goes_into_the_url_and_survives_a_reload(page):
    filter_field(page).press_sequentially("http:4xx retryable")
    expect(page).to_have_url(re.compile(r"\?q=http%3A4xx\+retryable$"))
    page.reload()
    expect(filter_field(page)).to_have_value("http:4xx retryable")
    expect(status(page)).to_have_text(f"1 of {TOTAL}")
    assert shown_codes(page) == {"19"}


def test_a_shared_url_with_a_column_query_opens_filtered(open_fields_page):
    page = open_fields_page(path="errors.html?q=status:retired")
    expect(status(page)).to_have_text(f"1 of {TOTAL}")
    assert shown_codes(page) == {"18"}


def test_escape_clears_a_column_query(page):
    filter_by(page, "status:retired")
    filter_field(page).press("Escape")
    expect(status(page)).to_have_text(TOTAL)
    assert shown_codes(page) == FIELDS_CODES
