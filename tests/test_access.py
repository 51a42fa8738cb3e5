"""Access, the third topic: who besides the automated service can see, receive or use the customer's data.
Table-driven on sentences written for each pattern, then end to end through a change and `changes --access`."""

from __future__ import annotations

import pytest

from monitor.analysis.classify import classify_change
from monitor.analysis.diff import diff_texts
from monitor.analysis.topics import ACCESS, label

ACCESS_SENTENCES = {
    "human-review": "Conversations flagged by our classifiers may be subject to human review.",
    "read-by-staff": "Your prompts may be read by trained reviewers to improve safety.",
    "employees-access": "Only a small number of employees can access your chat history, under strict controls.",
    "shared-with-affiliates": "We share your personal data with our affiliates and service providers.",
    "disclosed-to-advertisers": "We do not sell or disclose your information to advertisers.",
    "government-request": "We may disclose Customer Data in response to a subpoena or other legal process.",
    "law-enforcement": "We notify customers of law enforcement requests for their content where permitted.",
    "access-controls": "Customer Data is protected by role-based access controls and least privilege.",
    "subprocessors": "We engage subprocessors to host Customer Data and list them on our website.",
    "subprocessor-row": "Acme Cloud Inc.; Hosting; United States; All Products",
    "public-sharing": "Shared links make your conversation visible to the public.",
}
NOT_ACCESS = {
    "data-location-alone": "Your data is stored in data centres in the European Union and Singapore.",
    "you-provide": "The information you provide to the assistant is not used for advertising purposes.",
    "represent-and-warrant": "You represent and warrant that you have all rights in the content you upload.",
    "your-own-access-right": "You may download a copy of your conversations at any time.",
    "notice-address-with-a-company": "Notices must be sent to Acme, LLC, 1 Main Street; or by email to legal.",
    "staff-training": "Our staff complete security training every year.",
}


@pytest.mark.parametrize("sentence", ACCESS_SENTENCES.values(), ids=ACCESS_SENTENCES.keys())
def test_sentences_about_access_are_labelled(sentence):
    assert ACCESS in label(sentence)


@pytest.mark.parametrize("sentence", NOT_ACCESS.values(), ids=NOT_ACCESS.keys())
def test_sentences_that_are_not_about_access_are_not(sentence):
    assert ACCESS not in label(sentence)


def test_a_row_added_to_a_table_of_recipients_is_access_whatever_it_names():
    rows = ["Acme Cloud Inc.; Hosting; United States; All Products", "Ory Corp.; Authentication; Belgium; All"]
    for heading, flagged in (("Subprocessors", True), ("Recipients of personal data", True),
                             ("Cookies we use", False)):
        old = f"# {heading}\n\n" + "\n".join(rows) + "\n"
        new = old + "Nimbus; Inference provider; EEA; Cloud infrastructure\n"  # no Inc., no Ltd.
        assert classify_change(old, new, diff_texts(old, new)).access is flagged, heading


def test_a_row_whose_label_names_the_recipients_is_access():
    old = "# Korea\n\nPurpose | Answering your requests\nRetention period | 30 days\n"
    new = old + "Recipients | Acme's payment processors\n"
    assert classify_change(old, new, diff_texts(old, new)).access is True
    assert classify_change(old, old.replace("30 days", "90 days"),
                           diff_texts(old, old.replace("30 days", "90 days"))).access is False


def test_a_change_that_widens_sharing_is_flagged_access_and_nothing_else():
    old = "# Sharing\n\nWe share your personal data with service providers.\n\nWe keep logs for 30 days.\n"
    new = old.replace("service providers.", "service providers and advertisers.")
    result = classify_change(old, new, diff_texts(old, new))
    assert (result.training, result.retention, result.access) == (False, False, True)
    assert "Access" in result.summary


def test_changes_access_lists_only_access_changes(tmp_path):
    from monitor.store import read, write
    from monitor.store.db import open_db
    from test_pipeline import DOC, Replay, page

    db = open_db(tmp_path / "tw.db")
    write.sync_documents(db, (DOC,))
    replay = Replay(db)
    base = ["These Terms govern your use of the Acme services and every workspace you create with them.",
            "We do not use Customer Content to train our models unless you opt in to share it with us.",
            "We share Customer Content with service providers who host the services on our behalf."]
    replay.fetch(page(base))
    wider = base[2].replace("service providers", "service providers and advertisers")
    replay.fetch(page(base[:2] + [wider]))
    replay.fetch(page([base[0], base[1].replace("do not use", "use"), wider]))
    assert [c["access"] for c in read.changes(db)] == [False, True]
    assert [c["training"] for c in read.changes(db, access=True)] == [False]
    clauses = [r["label"] for r in db.query("select label from current_clauses")]
    assert "access" in clauses


# Training named by the product, not the word "model": the document's own names for its AI are learnt from it.
NAMED_PRODUCT_DOCS = {
    "assistant-named": ("Nova is our AI assistant for teams.",
                        "Transcripts of your chats are used to improve Nova, with human reviewers."),
    "company-ai": ("Acme AI answers questions about your files.",
                   "Your content is not used to improve Acme AI."),
    "model-called": ("We offer a language model called Orion, which runs in our cloud.",
                     "We may use your prompts to develop Orion and future versions of it."),
}


@pytest.mark.parametrize("intro, sentence", NAMED_PRODUCT_DOCS.values(), ids=NAMED_PRODUCT_DOCS.keys())
def test_training_on_an_ai_the_document_names_is_training(intro, sentence):
    from monitor.analysis.clauses import segment
    from monitor.analysis.topics import TRAINING

    clauses = {c.text: c.labels for c in segment(f"{intro}\n\n{sentence}\n")}
    assert TRAINING in clauses[sentence]


def test_a_product_name_the_document_does_not_call_an_ai_is_not_training():
    from monitor.analysis.clauses import segment
    from monitor.analysis.topics import TRAINING

    doc = "Atlas is our billing portal.\n\nWe use your payment details to improve Atlas.\n"
    assert all(TRAINING not in c.labels for c in segment(doc))


def test_access_end_to_end_changes_clauses_and_an_access_only_channel(pages, write_config, termwatch, hook):
    import json

    from conftest import document_toml, sections_page

    base = ["These Terms govern your use of the Acme services and every workspace you create with them.",
            "We do not use Customer Content to train our models unless you opt in to share it with us.",
            "We share Customer Content with service providers who host the services on our behalf."]
    channel = (f'[[alerts]]\nid = "security"\nurls = {json.dumps([f"json://{hook.base}/hook"])}\n'
               'events = ["change"]\nonly = ["access"]\n')
    config = write_config(document_toml("terms", pages.url("/terms")), extra=channel)
    wider = base[2].replace("service providers", "service providers and advertisers")
    for paragraphs in (base, base[:2] + [wider], [base[0], base[1].replace("do not use", "use"), wider]):
        pages.set("/terms", sections_page(paragraphs))
        assert termwatch(config, "run").code == 0
    # Only the change that widened sharing reached the access-only channel.
    assert [r.json["title"] for r in hook.requests] == ["[termwatch] Example AI Terms of Service changed: "
                                                        "access language moved"]
    [change] = termwatch(config, "changes", "--access", "--json").json()
    assert (change["access"], change["training"]) == (True, False)
    clauses = termwatch(config, "clauses", "terms", "--access", "--json").json()
    assert [c["text"] for c in clauses["clauses"]] == [wider]
    assert {(f["kind"], f["subject"], f["value"]) for f in clauses["facts"]} == {
        ("access", "service providers", "may receive"), ("access", "advertisers", "may receive")}
