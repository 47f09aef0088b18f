"""library.serving: reading Range headers and writing safe Content-Disposition names."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from library.serving import ByteRange, Unsatisfiable, content_disposition, parse_range


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("bytes=0-9", ByteRange(0, 9)),
        ("bytes=5-", ByteRange(5, 99)),
        ("bytes=-10", ByteRange(90, 99)),
        ("bytes=-1000", ByteRange(0, 99)),
        ("bytes=90-500", ByteRange(90, 99)),
        ("BYTES = 1-2", ByteRange(1, 2)),
        (None, None),
        ("bytes=9-5", None),
        ("bytes=0-1,3-4", None),
        ("items=0-1", None),
        ("bytes=x-y", None),
        ("bytes=٣-٥", None),  # digits, but not ASCII ones
        ("bytes=" + "0" * 5000 + "1-2", ByteRange(1, 2)),
        ("bytes=-" + "9" * 5000, ByteRange(0, 99)),
        ("bytes=0-" + "9" * 5000, ByteRange(0, 99)),
    ],
)
def test_it_reads_one_range_of_a_hundred_byte_file(header, expected):
    assert parse_range(header, 100) == expected


@pytest.mark.parametrize("header", ["bytes=100-", "bytes=-0", "bytes=1000-2000", "bytes=" + "7" * 5000 + "-"])
def test_it_finds_ranges_past_the_end_unsatisfiable(header):
    with pytest.raises(Unsatisfiable):
        parse_range(header, 100)


@given(size=st.integers(min_value=1, max_value=10_000), header=st.text(max_size=40))
def test_it_never_fails_on_any_header_and_stays_inside_the_file(size, header):
    try:
        byte_range = parse_range(header, size)
    except Unsatisfiable:
        return
    if byte_range is not None:
        assert 0 <= byte_range.start <= byte_range.end < size


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("guide.pdf", 'attachment; filename="guide.pdf"'),
        ('a"b\\c/d.pdf', 'attachment; filename="a_b_c_d.pdf"'),
        ("évaluation.pdf", "attachment; filename=\"evaluation.pdf\"; filename*=UTF-8''%C3%A9valuation.pdf"),
        ("دليل.pdf", "attachment; filename=\"download.pdf\"; filename*=UTF-8''%D8%AF%D9%84%D9%8A%D9%84.pdf"),
        ("line\r\nbreak.pdf", 'attachment; filename="line_break.pdf"'),
    ],
)
def test_it_writes_rfc_6266_names(name, expected):
    assert content_disposition(name) == expected
