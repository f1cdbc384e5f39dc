"""Documents in 《》, on made-up sentences."""

from __future__ import annotations

from kg.model import DOCUMENT
from kg.recognise import documents
from tests.test_people import make_doc

FUJIAN = {"省政协": ("committee:350000", "福建省政协")}


def got(text):
    return [(m.label, m.key, m.attrs["committee"]) for m in documents.recognise(make_doc(text, FUJIAN))
            if m.cls == DOCUMENT]


def test_document_named_committee_inside_title_is_keyed_by_canonical_label():
    res = got("认真落实《省政协党的建设工作规划（2025—2028）》。")
    assert res == [("省政协党的建设工作规划（2025—2028）", "document:福建省政协党的建设工作规划(2025—2028)",
                    "committee:350000")]


def test_document_issued_by_sentence_subject():
    res = got("省政协印发《关于加强委员履职管理的实施办法》。")
    assert res == [("关于加强委员履职管理的实施办法", "document:关于加强委员履职管理的实施办法", "committee:350000")]


def test_columns_and_papers_are_not_documents():
    assert got("在《人民政协报》开设《委员风采》栏目，出版《闽江文史》。") == []


def test_implementing_is_not_issuing():
    assert got("省政协贯彻落实《关于新时代加强和改进人民政协工作的意见》。")[0][2] == ""
