"""Reading a catalog, without Sphinx: codes, their order, and what is accepted."""

from __future__ import annotations

from sphinx_errcodes.catalog import CatalogProblem, ErrorCode, code_sort_key, group_by_category, parse_catalog, read_catalog

HEADER = b"code,category,description\n"


def test_integers_sort_numerically_and_negative_first():
    assert sorted(["100", "-99", "36", "0", "10010"], key=code_sort_key) == ["-99", "0", "36", "100", "10010"]


def test_identifiers_sort_naturally():
    assert sorted(["E10", "E2", "E1a", "card_declined", "E02"], key=code_sort_key) == ["card_declined", "E1a", "E02", "E2", "E10"]


def test_identifier_codes_are_accepted_as_written():
    codes, problems = parse_catalog(HEADER + b"E0308,Rust,Mismatched types\n22P02,Data,Invalid text\ncard_declined,Cards,Declined\nauth.expired-1,Auth,Expired\n", "c.csv")
    assert problems == []
    assert [code.code for code in codes] == ["E0308", "22P02", "card_declined", "auth.expired-1"]


def test_categories_keep_their_first_appearance_order():
    codes = [ErrorCode("2", "B", "x", 2), ErrorCode("1", "A", "y", 3), ErrorCode("3", "B", "z", 4)]
    assert [(category, [c.code for c in members]) for category, members in group_by_category(codes)] == [("B", ["2", "3"]), ("A", ["1"])]


def test_header_names_are_case_insensitive_and_columns_may_be_reordered():
    codes, problems = parse_catalog(b"Description,CODE,Category\nInsufficient funds,36,Funds\n", "c.csv")
    assert problems == []
    assert codes == [ErrorCode("36", "Funds", "Insufficient funds", 2, end_line=2)]


def test_a_quoted_description_may_span_lines_and_the_next_row_keeps_its_line():
    codes, problems = parse_catalog(HEADER + b'36,Funds,"Insufficient\nfunds"\n37,Funds,Invalid quantity\n', "c.csv")
    assert problems == []
    assert [(code.code, code.line) for code in codes] == [("36", 2), ("37", 4)]


def test_blank_lines_are_skipped_and_do_not_shift_line_numbers():
    codes, problems = parse_catalog(HEADER + b"\n36,Funds,Insufficient funds\n\n36,Funds,Again\n", "c.csv")
    assert [str(problem) for problem in problems] == ["c.csv:5: duplicate code 36: already defined on line 3; keep one row per code"]


def test_a_code_may_not_start_or_end_with_a_dot():
    codes, problems = parse_catalog(HEADER + b".5,Funds,Leading\n5.,Funds,Trailing\nv1.5,Funds,Inner\n", "c.csv")
    assert [code.code for code in codes] == ["v1.5"]
    assert [problem.line for problem in problems] == [2, 3]


def test_a_bad_byte_in_a_file_with_cr_line_ends_is_reported_at_its_line():
    _, problems = parse_catalog(b"code,category,description\r36,Funds,ok\r37,Funds,bad \xff byte\r", "c.csv")
    assert [problem.line for problem in problems] == [3]


def test_a_header_cell_with_a_line_break_keeps_every_message_on_one_line():
    _, problems = parse_catalog(b'code,"category\nx",description\n36,Funds\n', "c.csv")
    assert "too few fields: 2 instead of 3 ('code', 'category\\nx', 'description'); add the missing fields" in [p.message for p in problems]
    assert [p.message for p in problems if "\n" in p.message] == []


def test_integers_of_thousands_of_digits_sort_numerically():
    huge = "9" * 5_000  # int() refuses more than 4,300 digits
    assert sorted([huge, "-" + huge, "1" + huge, "36"], key=code_sort_key) == ["-" + huge, "36", huge, "1" + huge]
    assert sorted([f"E{huge}", "E10"], key=code_sort_key) == ["E10", f"E{huge}"]


def test_a_row_gives_the_lines_its_quoted_fields_take():
    codes, problems = parse_catalog(HEADER + b'36,Funds,"Insufficient\nfunds,\nreally"\n37,Funds,Invalid quantity\n', "c.csv")
    assert problems == []
    assert [(code.code, code.line, code.end_line) for code in codes] == [("36", 2, 4), ("37", 5, 5)]


def test_a_description_of_several_lines_of_prose_is_read_whole():
    description = "Insufficient funds.\nNote, however, that a transfer may help,\ncard_declined, or not."
    codes, problems = parse_catalog(HEADER + f'36,Funds,"{description}"\n'.encode(), "c.csv")
    assert problems == []
    assert [code.description for code in codes] == [description]


def test_a_quote_left_open_is_reported_with_the_lines_it_took_and_they_are_read_as_rows():
    codes, problems = parse_catalog(HEADER + b'36,Funds,"Insufficient funds\n37,Funds,Invalid quantity\n38,Funds,Expired"\n', "c.csv")
    assert [(code.code, code.description, code.line, code.end_line) for code in codes] == [
        ("36", "Insufficient funds", 2, 2),
        ("37", "Invalid quantity", 3, 3),
        ("38", 'Expired"', 4, 4),
    ]
    assert [(problem.line, problem.end_line) for problem in problems] == [(2, 4)]
    assert problems[0].message.startswith("quote left open: the quoted field that starts on this line takes lines 2-4 and line 3 inside it reads as a row of codes")


def test_a_quote_inside_a_quote_left_open_is_kept_single():
    codes, problems = parse_catalog(HEADER + b'36,Funds,"Say ""no""\n37,Funds,Invalid quantity\n', "c.csv")
    assert [code.description for code in codes] == ['Say "no"', "Invalid quantity"]
    assert [problem.line for problem in problems] == [2]


def test_text_after_a_closing_quote_on_its_line_skips_the_row_and_only_it():
    codes, problems = parse_catalog(HEADER + b'36,Funds,"Insufficient" funds\n37,Funds,Invalid quantity\n', "c.csv")
    assert [code.code for code in codes] == ["37"]
    assert [str(problem) for problem in problems] == [
        "c.csv:2: malformed CSV: a quoted field is followed by text, not by a comma or the end of the line;"
        " put a field that contains commas, quotes or line breaks in double quotes and double any quote inside it"
    ]


def test_without_a_code_column_the_warning_names_every_line_left_unread():
    codes, problems = parse_catalog(b"number,category,description\n36,Funds,Insufficient funds\n37,Funds,Invalid quantity\n", "c.csv")
    assert codes == []
    assert [(problem.message, problem.line, problem.end_line) for problem in problems if "'code'" in problem.message] == [
        ("missing required column 'code' in the header, so no row is read; the columns are code,category,description", 1, 3)
    ]


def test_see_also_keeps_each_other_code_once_in_its_order():
    codes, _ = parse_catalog(b"code,category,description,see_also\n36,Funds,x,37 36 38 37 99\n37,Funds,y,\n38,Funds,z,\n", "c.csv")
    assert codes[0].fields["see_also"] == ("37", "38")


def test_an_unreadable_file_is_a_problem_of_the_whole_file(tmp_path, monkeypatch):
    path = tmp_path / "codes.csv"

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(type(path), "read_bytes", refuse)
    assert read_catalog(path) == ([], [CatalogProblem(str(path), 0, f"cannot read catalog file {path}: Permission denied")])


def test_a_path_with_a_nul_character_is_a_problem_not_an_exception(tmp_path):
    path = f"{tmp_path}/codes\x00.csv"
    assert read_catalog(path) == ([], [CatalogProblem(path, 0, f"cannot read catalog file {path!r}: a file name cannot contain a NUL character")])
