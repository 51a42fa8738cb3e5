"""significance.py, table-driven on small synthetic wordings: what only edits the text and what changes the terms."""

from __future__ import annotations

import pytest

from monitor.analysis.significance import EDITORIAL, SUBSTANTIVE, significance

BASE = (
    "# Acme Terms of Service\n"
    "Last updated: 5 January 2026\n"
    "1. We do not use your inputs to train our models.\n"
    "2. We retain chat logs for 30 days, after which they are deleted.\n"
    "3. You authorise us to process payments, refunds and invoices.\n"
    "You may share your content with: your team members; or\n"
    "the public, when you publish it;\n"
    "our support staff, when you ask them.\n"
    "4. Either party may end these terms on written notice. We protect your privacy and your data at all times.\n"
)


def edit(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new)


EDITORIAL_EDITS = {
    "case-only": edit("end these terms", "end these Terms"),
    "punctuation": edit("after which they are deleted.", "after which they are deleted"),
    "serial-comma": edit("payments, refunds and invoices", "payments, refunds, and invoices"),
    "british-to-american-spelling": edit("You authorise us", "You authorize us"),
    "list-renumbered": edit("2. We retain", "B. We retain"),
    "date-stamp-only": edit("Last updated: 5 January 2026", "Last updated: March 3, 2026"),
    "stamp-word-added": edit("Last updated: 5 January 2026", "Last updated: effective as of 5 January 2026"),
    "words-joined": edit("written notice", "written-notice"),
    "no-space-after-a-full-stop": edit("written notice. We protect", "written notice.We protect"),
    "list-join-added": edit("when you publish it;", "when you publish it; and/or"),
    "or-read-inclusively": edit("team members; or", "team members; and/or"),
    "list-join-dropped": edit("team members; or", "team members;"),
    "passage-moved": BASE.replace("4. Either party may end these terms on written notice. ", "")
    + "Either party may end these terms on written notice.\n",
}
SUBSTANTIVE_EDITS = {
    "digit": edit("for 30 days", "for 90 days"),
    "negation-dropped": edit("We do not use", "We use"),
    "modal-changed": edit("Either party may end", "Either party must end"),
    "defined-term-renamed": edit("your inputs", "your prompts"),
    "sentence-added": edit("deleted.\n", "deleted. We may keep backups longer.\n"),
    "sentence-removed": edit(" We protect your privacy and your data at all times.", ""),
    "another-word-one-letter-apart": BASE.replace("privacy", "piracy"),
    "all-of-a-list-becomes-any-of-it": edit("refunds and invoices", "refunds and/or invoices"),
    "list-join-swapped": edit("team members; or", "team members; and"),
    "date-outside-a-stamp": edit("for 30 days", "until 5 January 2026"),
}


@pytest.mark.parametrize("new", EDITORIAL_EDITS.values(), ids=EDITORIAL_EDITS.keys())
def test_editorial_edits(new):
    assert significance(BASE, new) == EDITORIAL


@pytest.mark.parametrize("new", SUBSTANTIVE_EDITS.values(), ids=SUBSTANTIVE_EDITS.keys())
def test_substantive_edits(new):
    assert significance(BASE, new) == SUBSTANTIVE


def test_a_typo_is_told_from_another_word_by_the_documents_own_words():
    old = "A breach of these terms. We notify you of a breach within 72 hours."
    assert significance(old, old.replace("We notify you of a breach", "We notify you of a breath")) == SUBSTANTIVE
    typo = "A breach of these terms. We notify you of a braech within 72 hours."
    assert significance(typo, typo.replace("braech", "breach")) == EDITORIAL


def test_a_sentence_that_only_dates_the_document_is_editorial_but_one_with_terms_is_not():
    body = "We keep data while your account is open.\n"
    stamp = "This policy was published on June 8, 2026 with an effective date of July 8, 2026.\n"
    assert significance(stamp + body, body) == EDITORIAL
    assert significance(body, "Effective July 8, 2026 we will keep data for 30 days.\n" + body) == SUBSTANTIVE


def test_a_changed_web_address_is_editorial_but_a_changed_phone_number_is_not():
    old = "Contact us at https://example.com/help/contact-2025 or call +1 555 0100."
    assert significance(old, old.replace("contact-2025", "support/contact")) == EDITORIAL
    assert significance(old, old.replace("0100", "0199")) == SUBSTANTIVE


@pytest.mark.parametrize("gb, us", [("analyse", "analyze"), ("organisation", "organization"), ("behaviour", "behavior"),
                                    ("organisational", "organizational"), ("wilful", "willful"),
                                    ("behavioural", "behavioral"), ("centred", "centered"),
                                    ("instalment", "installment"), ("ageing", "aging"), ("cheque", "check"),
                                    ("fulfil", "fulfill"), ("grey", "gray"), ("counsellor", "counselor"),
                                    ("centre", "center"), ("cancelled", "canceled"), ("licence", "license"),
                                    ("judgement", "judgment"), ("catalogue", "catalog"), ("paediatric", "pediatric")])
def test_the_same_page_served_in_british_and_american_english_is_editorial(gb, us):
    assert significance(f"We {gb} this per our policy.", f"We {us} this per our policy.") == EDITORIAL


def test_short_words_and_currencies_are_never_spelling_variants():
    assert significance("We protect our data.", "We protect or data.") == SUBSTANTIVE
    assert significance("You pay $10 a month.", "You pay €10 a month.") == SUBSTANTIVE


@pytest.mark.parametrize("stamp", ["Stand: 8. Juli 2026", "Dernière mise à jour : 8 juillet 2026",
                                   "Última actualización: 8 de julio de 2026", "Ultimo aggiornamento: 8 luglio 2026"])
def test_a_date_stamp_in_the_language_the_terms_are_served_in_is_editorial(stamp):
    body = "\n1. Wir verwenden Ihre Eingaben nicht zum Training unserer Modelle.\n2. Chats: 30 Tage.\n"
    bumped = stamp.replace("8", "9", 1)
    assert significance(stamp + body, bumped + body) == EDITORIAL
    assert significance(stamp + body, stamp + body.replace(" nicht", "")) == SUBSTANTIVE


def test_a_stamp_dated_as_a_deed_writes_it_is_editorial_when_bumped():
    body = "\nWe keep data while your account is open.\n"
    stamp = "Effective as of the 1st day of March, 2026"
    assert significance(stamp + body, stamp.replace("1st day of March", "3rd day of June") + body) == EDITORIAL
    clause = "\nYou may cancel before the 1st day of March, 2026.\n"
    assert significance(clause, clause.replace("1st", "3rd")) == SUBSTANTIVE


def test_a_copyright_year_bumped_is_editorial_but_a_year_in_a_clause_is_not():
    body = "We keep invoices for seven years.\n"
    assert significance(body + "© 2017-2025 Acme Inc.\n", body + "© 2017-2026 Acme Inc.\n") == EDITORIAL
    assert significance(body + "Copyright 2025 Acme\n", body + "Copyright 2026 Acme\n") == EDITORIAL
    old = "Logs created before 2025 are deleted.\n"
    assert significance(old, old.replace("2025", "2026")) == SUBSTANTIVE


@pytest.mark.parametrize("old, new", [
    ("Last updated: January 2026", "Last updated: February 2026"),
    ("Last updated: 01/05/2026", "Last updated: 02/02/2026"),
    ("Stand: 05.01.2026", "Stand: 02.02.2026"),
    ("Updated Jan 5", "Updated Feb 2"),
    ("Last updated: November 03, 2025 17:42", "Last updated: January 06, 2026 09:15"),
    ("Last modified 2026-01-05 14:03 UTC", "Last modified 2026-01-05 15:10 UTC"),
    ("Updated Jan 5, 4:12 PM", "Updated Jan 6, 9:01 AM"),
    ("Latest update: January 05, 2026", "Latest update: February 02, 2026"),
    ("Last edited: January 5, 2026 4:12 PM", "Last edited: January 9, 2026 11:02 AM"),
    ("Last updated\n5 January 2026", "Updated\n3 March 2026"),
    ("Current as of 5 January 2026", "Current as of 3 March 2026"),
    ("Last updated 5 January 2026 \u00b7 Effective 15 January 2026",
     "Last updated 3 March 2026 \u00b7 Effective 17 March 2026"),
])
def test_a_stamp_in_any_common_date_form_is_editorial(old, new):
    body = "\n1. We do not use your inputs to train our models.\n2. Chats are kept for 30 days.\n"
    assert significance(old + body, new + body) == EDITORIAL


@pytest.mark.parametrize("old, new", [
    ("Updated support hours: 9:00 to 17:00 CET.", "Updated support hours: 10:00 to 17:00 CET."),
    ("Fees apply from January 2026.", "Fees apply from February 2026."),
    ("Revised prices are billed on Jan 5.", "Revised prices are billed on Feb 5."),
    ("Last updated records are kept 5 days.", "Last updated records are kept 10 days."),
])
def test_times_months_and_days_in_a_clause_are_substantive(old, new):
    assert significance(old, new) == SUBSTANTIVE


@pytest.mark.parametrize("old, new", [
    ("We will not sell your data. We will share it with partners.",
     "We will sell your data. We will not share it with partners."),
    ("We share only aggregated data with partners.", "We share aggregated data only with partners."),
    ("If you cancel within 14 days of purchase, we refund you. Fees are due monthly.",
     "If you cancel, we refund you. Fees are due monthly within 14 days of purchase."),
    ("Late fees are 1.5% a month.", "Late fees are 15% a month."),
    ("The plan costs $4.99 a month.", "The plan costs $499 a month."),
    ("This Agreement is effective until 31 December 2026.", "This Agreement is effective until 31 December 2027."),
    ("We keep data while your account is open.",
     "Effective 1 July 2026, we stop offering refunds.\nWe keep data while your account is open."),
    ("We delete data collected more than 14 days ago.", "We delete data collected more than 60 days ago."),
    ("We review logs from the last year.", "We review logs from the last month."),
    ("Plan | Price\n9.99 EUR | Monthly", "Plan | Price\n12.99 EUR | Monthly"),
])
def test_a_word_moved_a_decimal_point_or_a_date_in_a_clause_is_substantive(old, new):
    assert significance(old, new) == SUBSTANTIVE


@pytest.mark.parametrize("old, new", [("Licensed Materials", "Licensee Materials"), ("employer", "employee"),
                                      ("charges", "changes"), ("retain", "retrain"), ("consent", "content")])
def test_a_word_turned_into_another_word_the_document_uses_is_no_typo_fix(old, new):
    text = f"The Licensee Materials, the employee, changes, retrain and content are defined below. We use {old}."
    assert significance(text, text.replace(f"We use {old}", f"We use {new}")) == SUBSTANTIVE


@pytest.mark.parametrize("old, new", [("filing", "filling"), ("filed", "filled"), ("scored", "scoured")])
def test_two_words_are_not_spellings_of_one(old, new):
    assert significance(f"Fees for {old} apply.", f"Fees for {new} apply.") == SUBSTANTIVE


def test_a_long_page_served_in_the_other_english_is_editorial():
    gb = " ".join(f"Clause {i}: the organisation's behaviour, licence and catalogue are analysed." for i in range(400))
    us = gb.replace("organisation", "organization").replace("behaviour", "behavior").replace("licence", "license")
    assert significance(gb, us.replace("catalogue", "catalog").replace("analysed", "analyzed")) == EDITORIAL


@pytest.mark.parametrize("old, new", [("recieve", "receive"), ("teh", "the"), ("thier", "their"),
                                      ("seperate", "separate"), ("occured", "occurred")])
def test_a_misspelling_corrected_into_an_english_word_is_editorial(old, new):
    text = f"You will {old} a notice for each order.\n"
    assert significance(text, text.replace(old, new)) == EDITORIAL


@pytest.mark.parametrize("old, new", [
    ("We will provide the the Services.", "We will provide the Services."),
    ("We don't sell your data.", "We do not sell your data."),
    ("(i) comply with applicable laws; and (ii) keep records.", "(i) comply with applicable laws; (ii) keep records."),
    ("The fee is $1,000 a year.", "The fee is $1000 a year."),
    ("Acme\u2122 Terms & Conditions: a fee of 1.5 per cent.", "Acme Terms and Conditions: a fee of 1.5%."),
    ("at least 30 days\u02bc notice", "at least 30 days' notice"),
])
def test_a_doubled_word_a_contraction_and_a_thousands_mark_are_editorial(old, new):
    assert significance(old, new) == EDITORIAL


@pytest.mark.parametrize("old, new", [
    ("We collect device and location information.", "We collect device location information."),
    ("Uptime < 99.9% a month.", "Uptime > 99.9% a month."),
    ("Users must be 16+ to sign up.", "Users must be 16 to sign up."),
    ("Reverse engineering is permitted.You must not resell.", "Reverse engineering is prohibited.You must not resell."),
    ("The setup fee is $100.Fees are due.", "The setup fee is $1000.Fees are due."),
    ("U.S. law governs these Terms.", "U.K. law governs these Terms."),
    ("Quotas:\n- 1.5 GB of storage", "Quotas:\n- 0.5 GB of storage"),
    ("99.9 uptime each month", "99.5 uptime each month"),
    ("Price changes become effective on 1 July 2026.", "Price changes become effective on 1 April 2026."),
    ("This replaces the Master Agreement dated 1 March 2024.",
     "This replaces the Master Agreement dated 1 March 2025."),
])
def test_a_dropped_and_a_sign_a_missing_space_and_a_leading_quantity_are_substantive(old, new):
    assert significance(old, new) == SUBSTANTIVE
