"""Training / retention rules, table-driven on real sentences, plus facts and whole-change classification.

Sentences marked "corpus" are quoted from the vendors' pages in tests/fixtures/corpus (Open Terms Archive,
genai-eu collection, ZeMKI lab, University of Bremen; ODC-By 1.0, see tests/fixtures/corpus/ATTRIBUTION.md).
Sentences marked with another vendor are their published phrasing as the author knows it ("paraphrase"
where only the structure is kept); the rules name no vendor.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from monitor.analysis.classify import classify_change
from monitor.analysis.clauses import current_clauses, segment
from monitor.analysis.diff import diff_texts
from monitor.analysis.facts import facts
from monitor.analysis.topics import RETENTION, TRAINING, label

CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"

# --- training: positives ------------------------------------------------------------------------

TRAINING_YES = [
    # corpus, consumer privacy policy
    "We may use your Inputs and Outputs to train and improve Anthropic AI models, unless you opt out through "
    "your account settings.",
    "Even if you opt-out, we will use Inputs and Outputs for model improvement when: (i) your conversations are "
    "flagged for safety review to improve our ability to detect harmful content, enforce our policies, or advance "
    "AI safety research, or (ii) you've explicitly reported the materials to us (for example via our feedback "
    "mechanisms).",
    "- When you submit Feedback, we disassociate Inputs and Outputs from your user ID to use them for training and "
    "improving our models.",
    # corpus, commercial terms: a prohibition is still a training clause
    "Anthropic may not train models on Customer Content from Services.",
    # corpus, business services agreement: "develop or improve the Services" with the customer's data
    "OpenAI will not use Customer Content to develop or improve the Services, unless Customer explicitly agrees "
    "to such use.",
    # corpus, consumer terms
    "Opt out. If you do not want us to use your Content to train our models, you have the option to opt out by "
    "updating your account settings.",
    "Our use of Materials. We may use Materials to provide, maintain, and improve the Services and to develop "
    "other products and services, including training our models, unless you opt out of training through your "
    "account settings.",
    # OpenAI business data page
    "By default, we do not use data from ChatGPT Enterprise, ChatGPT Business, ChatGPT Edu, or our API Platform "
    "to train our models.",
    # Microsoft 365 Copilot documentation
    "Prompts, responses, and data accessed through Microsoft Graph aren't used to train foundation LLMs, "
    "including those used by Microsoft 365 Copilot.",
    # Gemini API additional terms (unpaid and paid services)
    "When you use Unpaid Services, Google uses the content you submit to the Services and any generated responses "
    "to provide, improve, and develop Google products and services and machine learning technologies.",
    "When you use Paid Services, Google doesn't use your prompts (including associated system instructions, "
    "cached content, and files such as images, videos, or documents) or responses to improve our products.",
    # paraphrases of consumer-assistant terms (Mistral, xAI, Perplexity, Meta)
    "You can opt out of the use of your Input and Output for training purposes in your account settings.",
    "We may use your User Content to train and fine-tune our models.",
    "If you turn off AI Data Retention, your searches will not be used to improve our AI models.",
    "We use public posts and comments shared by adults to train generative AI models.",
]

TRAINING_NO = [
    # corpus: improving the Services with no data and no model
    "We are constantly working to improve our Services to make them more accurate, reliable, safe, and beneficial.",
    "Our team works hard to provide great services, and we’re continuously working on improvements.",
    "Artificial intelligence and machine learning are rapidly evolving fields of study.",
    "Given the probabilistic nature of machine learning, use of our Services may in some situations result in "
    "Output that does not accurately reflect real people, places, or facts.",
    # corpus: use restrictions on the customer's own models
    "D.4. Use Restrictions. Customer may not and must not attempt to (a) access the Services to build a competing "
    "product or service, including to train competing AI models or resell the Services except as expressly "
    "approved by Anthropic; (b) reverse engineer or duplicate the Services; or (c) support any third party’s "
    "attempt at any of the conduct restricted in this sentence.",
    "2. To develop any products or services that compete with our Services, including to develop or train any "
    "artificial intelligence or machine learning algorithms or models or resell the Services.",
    "“Permitted Exception” means Customer using Output to: (a) develop artificial intelligence models primarily "
    "intended to categorize, classify, or organize data (e.g., embeddings or classifiers), if these models are "
    "not distributed or made commercially available to third parties; and (b) fine tune or customize models "
    "provided as part of OpenAI’s fine-tuning or other Services set forth on the Pricing Page.",
    # corpus: people are trained, not models
    "C.1. All personnel engaged by Anthropic are properly trained and obligated to comply with the requirements "
    "of Anthropic's security program, including with respect to the confidentiality and security of the "
    "Customer Data.",
    "C.2. Anthropic employees, at hire and annually thereafter, complete security awareness, HIPAA, and other "
    "relevant training regarding confidentiality and data security.",
    # corpus: a renamed product in a scope sentence; an opt-out that is about logos
    "This OpenAI Services Agreement only applies to use of OpenAI's APIs, ChatGPT Enterprise, ChatGPT Business, "
    "and other services for businesses and developers, and does not apply to OpenAI services used by consumers "
    "or individuals.",
    "Anthropic may use Customer’s name and logo to publicly identify Customer as a customer of the Services; "
    "provided that Customer may opt-out via this request form.",
    # analytics on aggregated data is not training; the customer's own competing models are not either
    "We may use aggregated or de-identified information to analyze and improve our Services.",
    "You may not use Output to develop models that compete with OpenAI.",
]


@pytest.mark.parametrize("sentence", TRAINING_YES)
def test_training_clauses_are_labelled(sentence):
    assert TRAINING in label(sentence)


@pytest.mark.parametrize("sentence", TRAINING_NO)
def test_non_training_clauses_are_not_labelled(sentence):
    assert TRAINING not in label(sentence)


def test_labels_read_through_the_invisible_marks_normalise_folds():
    # a left-to-right mark inside a word: comparison already ignored it, so the rules must too
    assert TRAINING in label("We will not use Customer Content to tra\u200ein our models.")


# --- retention: positives and negatives ---------------------------------------------------------

RETENTION_YES = [
    # corpus
    "You also are able to delete individual conversations, which will be removed immediately from your "
    "conversation history and automatically deleted from our back-end within 30 days.",
    "Anthropic retains your personal data for as long as reasonably necessary for the purposes and criteria "
    "outlined in this Privacy Policy and explained further in our privacy center.",
    "(b) OpenAI will delete all Customer Content from its systems within thirty days, unless: (i) OpenAI is "
    "legally required to retain it; or (ii) Customer has agreed otherwise in writing.",
    "Retention period | The period necessary to process your request",
    "I.5. Security-related logs are retained for appropriate timeframes to aid in the investigation of security "
    "incidents.",
    "If you rate an Output in response to an Input—for example, by using the thumbs up/thumbs down icon—we may "
    "store the entire related conversation as part of your Feedback.",
    "Where data is de-identified, Anthropic will maintain and use this information in its de-identified form, and "
    "will not attempt to re-identify such information, except as permitted by law.",
    "Upon termination of these Terms, a Subscription, or your access to the Services, the rights granted to you "
    "under our Terms (or any Subscription) to access and use our Services will immediately terminate, and we may "
    "at our option delete any Materials or other data associated with your account.",
    "When the personal data collected is no longer required by us, we and our service providers will perform the "
    "necessary procedures for destroying, deleting, erasing, or converting it into an anonymous form as "
    "permitted or required under applicable laws.",
    # OpenAI platform documentation
    "By default, abuse monitoring logs are generated for all API feature usage and retained for up to 30 days, "
    "unless we are legally required to retain the logs for longer.",
    "Eligible customers can request zero data retention (ZDR) for eligible endpoints.",
    # Gemini Apps privacy hub
    "Conversations that have been reviewed or annotated by human reviewers are retained for up to three years.",
    # Microsoft products and services DPA
    "Microsoft will retain Customer Data stored in the Online Service in a limited function account for 90 days "
    "after expiration or termination of Customer's subscription so that Customer may extract the data.",
    # paraphrases
    "When you delete a chat, it is removed from your account immediately and scheduled for permanent deletion from "
    "our systems within 30 days.",
    "Deleted chats may be kept longer where we are subject to a legal hold.",
]

RETENTION_NO = [
    # corpus: keeping rights, amounts and control is not keeping data
    "As between Customer and OpenAI, to the extent permitted by applicable law, Customer: (a) retains all "
    "ownership rights in Input; and (b) owns all Output.",
    "The indemnifying party will retain the right to control the defense of any such Claim, including the "
    "selection of counsel, the strategy and course of any litigation or appeals.",
    "If you have used the Services during the 14-day cancellation period, and wish to cancel the Subscription, "
    "we may retain an amount which is in proportion to what has been provided until you have communicated us "
    "your withdrawal from these Terms.",
    # corpus: where data is stored, what systems do, moderation, notice periods
    "Any information we hold about you will be transferred to, used, processed, and stored in the United States "
    "and other countries and territories, which may not have data privacy or data protection laws equivalent to "
    "those in your country or territory.",
    "IF CUSTOMER USES A SERVICE THAT IS NOT DESIGNED FOR PROCESSING PROTECTED HEALTH INFORMATION, CUSTOMER MAY NOT "
    "USE THE SERVICES TO STORE, TRANSMIT, OR PROCESS THIS INFORMATION.",
    "I.3. Anthropic logs employee access and actions within Anthropic’s systems, inclusive of those storing or "
    "maintaining Customer Data.",
    "We may delete or disable content alleged to be infringing and may terminate accounts of repeat infringers.",
    "1.2. Renewal. Notice of non-renewal or scope reduction must be given at least thirty days before the start "
    "of the next Renewal Term.",
    "We will respond to your request within the period required by the data protection law that applies to you.",
    "Within one month before the end of the Notice Period you shall notify us, where applicable, of details of the "
    "new service provider, the on-premise ICT infrastructure, or your decision to erase your exportable data and "
    "digital assets.",
    "- Correction: the right to request that we correct inaccurate personal data Anthropic retains about you, "
    "subject to certain exceptions.",
    # cookie lifetimes are not retention of customer data
    "Some cookies expire when you close your browser, while others are stored on your device for up to 13 months.",
]


@pytest.mark.parametrize("sentence", RETENTION_YES)
def test_retention_clauses_are_labelled(sentence):
    assert RETENTION in label(sentence)


@pytest.mark.parametrize("sentence", RETENTION_NO)
def test_non_retention_clauses_are_not_labelled(sentence):
    assert RETENTION not in label(sentence)


# --- facts --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, kind, subject, value",
    [
        (RETENTION_YES[0], "retention_period", "deleted conversations", "30 days"),
        (RETENTION_YES[1], "retention_period", "personal data", "as long as necessary"),
        (RETENTION_YES[2], "retention_period", "Customer Content", "30 days"),  # "thirty" read as 30
        (RETENTION_YES[9], "retention_period", "abuse monitoring logs", "up to 30 days"),
        (RETENTION_YES[10], "retention_period", "customer data", "zero data retention"),
        (RETENTION_YES[11], "retention_period", "reviewed Conversations", "up to 3 years"),
        (RETENTION_YES[12], "retention_period", "Customer Data", "90 days"),
        (RETENTION_YES[13], "retention_period", "deleted chat", "30 days"),
        (
            "Inputs and Outputs flagged by our trust and safety classifiers as violating our Usage Policy are "
            "retained for up to 2 years.",
            "retention_period", "flagged Inputs and Outputs", "up to 2 years",
        ),
        ("We keep your personal data for as long as your account is active.",
         "retention_period", "personal data", "as long as your account is active"),
        (TRAINING_YES[0], "training_stance", "Inputs and Outputs", "used unless you opt out"),
        (TRAINING_YES[1], "training_stance", "flagged content", "used even if you opt out"),
        (TRAINING_YES[1], "training_stance", "feedback", "used even if you opt out"),
        (TRAINING_YES[3], "training_stance", "Customer Content", "not used"),
        (TRAINING_YES[4], "training_stance", "Customer Content", "not used unless you opt in"),
        (TRAINING_YES[5], "training_stance", "Content", "used unless you opt out"),
        (TRAINING_YES[7], "training_stance", "data", "not used by default"),
        (TRAINING_YES[8], "training_stance", "Prompts", "not used"),
        (TRAINING_YES[9], "training_stance", "content", "used"),
        ("We share your personal data with advertisers for marketing.", "access", "advertisers", "may receive"),
        ("We may disclose personal data to our affiliates and service providers.", "access", "affiliates",
         "may receive"),
        ("We may disclose personal data to our affiliates and service providers.", "access", "service providers",
         "may receive"),
        ("We do not sell your personal data to advertisers.", "access", "advertisers", "not sold"),
        ("We never share your conversations with business partners.", "access", "business partners", "not shared"),
        ("We may disclose personal data to law enforcement in response to a subpoena.", "access", "authorities",
         "may receive"),
        ("If we are involved in a merger, your data may be transferred to the buyer.", "access",
         "buyers of the business", "may receive"),
        ("Conversations flagged for abuse may be read by human reviewers.", "access", "human reviewers", "may review"),
        ("No human reviews your API inputs.", "access", "human reviewers", "no human review"),
    ],
)
def test_facts(sentence, kind, subject, value):
    found = [(f.kind, f.subject, f.value) for f in facts(sentence)]
    assert (kind, subject, value) in found


def test_table_row_period_names_what_the_table_is_about():
    text = (
        "### Supplemental Disclosures for Residents of the Republic of Korea\n\n"
        "Trustees and Contacts | Bae, Kim & Lee LLC (02-3404-0001)\n"
        "Entrusted Data | Name, ID, phone number, email, address, and other information that you may provide\n"
        "Purpose | Assisting with the domestic representative duties\n"
        "Retention period | The period necessary to process your request\n"
    )
    [fact] = facts(text)
    assert (fact.kind, fact.subject, fact.value) == (
        "retention_period", "Entrusted Data", "as long as necessary to process your request"
    )


def test_no_facts_from_unlabelled_text():
    assert facts("Notice of non-renewal must be given at least thirty days before the next Renewal Term.") == []
    # Data the user hands over is not received by anyone named; a partner who is not given data is not access.
    assert facts("The information you provide to our partners is governed by their terms.") == []
    assert facts("We work with partners around the world.") == []
    # A recipient's words as a modifier name no one; "providers" is not the verb "provide".
    assert facts("This includes your mobile operator or internet service provider (ISP), which we share.") == []
    assert facts("When personal data is no longer required, we and our service providers will delete it.") == []
    assert facts("Feedback; Data provided through the Development Partner Program | Consent") == []


def test_a_new_recipient_is_an_access_fact_before_and_after():
    old = "## Sharing\nWe may disclose personal data to our service providers.\n"
    new = "## Sharing\nWe may disclose personal data to our service providers and advertisers.\n"
    result = _classify(old, new)
    assert result.access and {"kind": "access", "subject": "advertisers", "before": None,
                               "after": "may receive"} in result.facts
    assert result.summary == "Access by advertisers: not stated → may receive."


# --- segmentation and the "what do the terms say today" view ------------------------------------

DOC = """# Privacy Policy

## 2. How We Use Your Data

We collect the following categories of personal data:

- Identity and Contact Data, e.g. your name and email address.

Specifically, we train our models using data from the following sources:

- Publicly available information via the Internet
- Feedback that users explicitly provide about our Services

## 6. Data Retention

Anthropic retains your personal data for as long as reasonably necessary. Please contact us with questions.

## 9. Fees

Fees are non-refundable.
"""


def test_segment_keeps_headings_and_splits_sentences():
    clauses = segment(DOC)
    texts = [c.text for c in clauses]
    assert "Anthropic retains your personal data for as long as reasonably necessary." in texts
    assert "Please contact us with questions." in texts
    assert "- Identity and Contact Data, e.g. your name and email address." in texts  # "e.g." is no sentence end
    heading = {c.text: c.heading for c in clauses}
    assert heading["Fees are non-refundable."] == "9. Fees"
    assert heading["Please contact us with questions."] == "6. Data Retention"


def test_short_labels_join_their_sentence_but_short_sentences_stand_alone():
    assert [c.text for c in segment("Opt out. If you do not want us to use your Content to train our models, "
                                    "you can opt out.\n")] == [
        "Opt out. If you do not want us to use your Content to train our models, you can opt out."
    ]
    assert [c.text for c in segment("We retain logs for 30 days. Fees are due monthly.\n")] == [
        "We retain logs for 30 days.", "Fees are due monthly."
    ]


def test_list_items_take_the_label_of_the_sentence_they_complete():
    labels = {c.text: c.labels for c in segment(DOC)}
    assert TRAINING in labels["- Publicly available information via the Internet"]
    assert labels["- Identity and Contact Data, e.g. your name and email address."] == frozenset()


def test_current_clauses_filters_by_label():
    every = current_clauses(DOC)
    assert {c.text for c in every} >= {
        "Specifically, we train our models using data from the following sources:",
        "Anthropic retains your personal data for as long as reasonably necessary.",
    }
    assert all(c.labels for c in every)
    only = current_clauses(DOC, only={RETENTION})
    assert [c.text for c in only] == ["Anthropic retains your personal data for as long as reasonably necessary."]
    assert only[0].evidence  # the matched phrase travels with the clause


# --- whole changes ------------------------------------------------------------------------------

TERMS = """# Services Agreement

## 4. Customer Content

OpenAI will not use Customer Content to develop or improve the Services, unless Customer explicitly agrees to such use.

## 6. Fees

Customer will pay all fees for ChatGPT Team within thirty days of the invoice date.

## 11. Termination

If this Agreement terminates, OpenAI will delete all Customer Content from its systems within thirty days.

## 12. Privacy

You also are able to delete individual conversations, which will be removed immediately from your conversation \
history and automatically deleted from our back-end within 30 days.
"""


def _classify(old: str, new: str):
    return classify_change(old, new, diff_texts(old, new))


def test_renamed_product_in_a_billing_clause_is_not_training_or_retention():
    result = _classify(TERMS, TERMS.replace("ChatGPT Team", "ChatGPT Business"))
    assert (result.training, result.retention) == (False, False)
    assert result.summary.startswith("Wording changed in 1 place (+")
    assert "under '6. Fees'" in result.summary
    assert result.facts == [] and result.clauses == []


def test_retention_period_change_is_a_fact_before_and_after():
    result = _classify(TERMS, TERMS.replace("back-end within 30 days", "back-end within 60 days"))
    assert (result.training, result.retention) == (False, True)
    assert result.facts == [
        {"kind": "retention_period", "subject": "deleted conversations", "before": "30 days", "after": "60 days"}
    ]
    assert result.summary == "Retention of deleted conversations: 30 days → 60 days."
    [pair] = result.clauses  # the reworded sentence is one clause, its old wording beside its new
    assert pair["op"] == "changed" and "30 days" in pair["before"] and "60 days" in pair["after"]
    assert pair["labels"] == ["retention"] and pair["evidence"]
    assert [w for w in pair["words"] if w[0] != 0] == [[-1, "30"], [1, "60"]]


def test_same_period_in_other_words_is_not_a_fact_change():
    result = _classify(TERMS, TERMS.replace("within thirty days.", "within 30 days."))
    assert result.retention is True  # the clause changed and is about retention
    assert result.facts == []
    assert result.summary.startswith("Retention: 1 clause changed under '11. Termination'")


def test_training_stance_flip():
    new = TERMS.replace(
        "OpenAI will not use Customer Content to develop or improve the Services, unless Customer explicitly "
        "agrees to such use.",
        "OpenAI may use Customer Content to develop or improve the Services, unless Customer opts out.",
    )
    result = _classify(TERMS, new)
    assert (result.training, result.retention) == (True, False)
    assert result.facts == [{
        "kind": "training_stance", "subject": "Customer Content",
        "before": "not used unless you opt in", "after": "used unless you opt out",
    }]
    assert result.summary == "Training on Customer Content: not used unless you opt in → used unless you opt out."


def test_reworded_training_sentence_without_stance_change():
    # corpus: consumer privacy policy, 2026 rewrite
    old = ("## 2. Uses of Personal Data\n\nWe may use your Inputs and Outputs to train our models and improve our "
           "Services, unless you opt out through your account settings.\n")
    new = ("## 2. Uses of Personal Data\n\nWe may use your Inputs and Outputs to train and improve Anthropic AI "
           "models, unless you opt out through your account settings.\n")
    result = _classify(old, new)
    assert (result.training, result.retention) == (True, False)
    assert result.facts == []
    assert result.summary == "Training: 1 clause changed under '2. Uses of Personal Data'."


def test_removed_retention_clause():
    new = TERMS.replace(
        "If this Agreement terminates, OpenAI will delete all Customer Content from its systems within thirty days.\n",
        "",
    )
    result = _classify(TERMS, new)
    assert result.retention is True
    gone = {"kind": "retention_period", "subject": "Customer Content", "before": "30 days", "after": None}
    assert gone in result.facts
    assert result.summary == "Retention of Customer Content: 30 days → not stated."


def test_moved_training_paragraph_is_not_a_change():
    paragraph = ("OpenAI will not use Customer Content to develop or improve the Services, unless Customer "
                 "explicitly agrees to such use.\n\n")
    new = TERMS.replace(paragraph, "") + "\n" + paragraph
    result = _classify(TERMS, new)
    assert (result.training, result.retention) == (False, False)
    assert "moved" in result.summary


def test_a_changed_sentence_next_to_a_training_sentence_is_not_training():
    old = ("Opt out. If you do not want us to use your Content to train our models, you have the option to opt out "
           "by updating your account settings. Further information can be found in this article.\n")
    new = old.replace("in this article.", "in this Help Center article.")
    result = _classify(old, new)
    assert (result.training, result.retention) == (False, False)


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.replace("## 4. Customer Content", "## D.4. Customer Content"),  # renumbered
        lambda t: t.replace("to train", "to\u2060 train").replace("Customer Content to", "Customer\u00a0Content to"),
        lambda t: t.replace("’", "'").replace("  ", " "),
    ],
)
def test_formatting_only_changes_flag_nothing(change):
    new = change(TERMS)
    result = _classify(TERMS, new)
    assert (result.training, result.retention) == (False, False)


def test_no_hunks_no_change():
    result = classify_change(TERMS, TERMS, [])
    assert (result.training, result.retention, result.summary) == (False, False, "No change.")


# --- real corpus transitions (fixtures), through the real extractor -----------------------------


def _fixture_text(directory: str, seq: int) -> str:
    from monitor.text.html import extract_text

    manifest = json.loads((CORPUS / "manifest.json").read_text())
    doc = next(d for d in manifest["documents"] if d["dir"] == directory)
    html = gzip.decompress((CORPUS / directory / f"{seq:04d}.html.gz").read_bytes()).decode("utf-8", "replace")
    return extract_text(html, doc["declared_select"] or (), doc["declared_remove"] or ())


@pytest.mark.parametrize(
    "directory, before, after, training, retention, why",
    [
        ("claude-ai/privacy-policy-legal-privacy", 9, 10, False, True,
         "Korea disclosures added with a retention period"),
        ("chatgpt/terms-of-service-policies-eu-terms-of-use", 17, 18, False, False,
         "entity renamed; training opt-out paragraph only moved"),
        ("chatgpt/commercial-terms", 3, 4, False, False, "product renamed in the scope sentence"),
        ("chatgpt/commercial-terms", 19, 20, False, False, "contracting entity renamed in the notices clause"),
        ("claude-ai/privacy-policy-legal-privacy", 159, 160, False, False,
         "only the 'published on' line of this page changed"),
        ("claude-ai/data-processor-agreement-legal-data-processing-addendum", 24, 25, False, False,
         "a link target in a definition changed"),
    ],
)
def test_corpus_transitions(directory, before, after, training, retention, why):
    result = _classify(_fixture_text(directory, before), _fixture_text(directory, after))
    assert (result.training, result.retention) == (training, retention), (why, result.summary)


# --- robustness ---------------------------------------------------------------------------------

from hypothesis import (  # noqa: E402
    given,
    settings,
    strategies as st,  # noqa: E402
)

_LINES = st.sampled_from(TRAINING_YES[:4] + RETENTION_YES[:4] + TRAINING_NO[:2] + RETENTION_NO[:2] + [
    "## 4. Data Retention", "- a list item:", "", "Retention period | 30 days", "Fees are due.",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINES, max_size=12), st.lists(_LINES, max_size=12))
def test_classify_change_never_fails_and_equal_texts_flag_nothing(old_lines, new_lines):
    old, new = "\n\n".join(old_lines), "\n\n".join(new_lines)
    result = _classify(old, new)
    assert isinstance(result.summary, str) and result.summary.endswith(".")
    same = _classify(old, old)
    assert (same.training, same.retention, same.facts, same.clauses) == (False, False, [], [])


def test_storing_as_one_alternative_of_processing_is_not_retention():
    assert "retention" not in label("We store or process personal data described in section I.")
    assert "retention" in label("We may store the entire related conversation as part of your Feedback.")


def test_a_reworded_clause_is_flagged_for_what_its_changed_words_touch():
    sanctions = ("## Export\nTransaction records will be retained as required by law, and you will not use, export or "
                 "re-export the Services to any country under embargo, including Cuba, Iran or Syria.\n")
    widened = sanctions.replace("Cuba, Iran or Syria", "Cuba, Iran, Syria or North Korea")
    result = _classify(sanctions, widened)
    assert (result.training, result.retention, result.access) == (False, False, False)
    assert [p["op"] for p in result.clauses] == ["changed"]  # still shown as evidence, just not a topic change
    # A change in the list the retention verb opens is about retention, however far down the list.
    listed = ("## Retention\nWe may also retain your Content: (i) to the extent necessary to comply with applicable "
              "laws; and (ii) in connection with the exercise or defence of legal claims.\n")
    extended = listed.replace("legal claims.",
                              "legal claims; and (iii) when our systems flag it for a policy violation.")
    assert _classify(listed, extended).retention is True
    # A word changed inside an item of that list is not: "under the Terms" -> "under these Terms".
    listed_terms = ("## Retention\nMeta will retain your Content and Usage Data as needed: (i) to provide the "
                    "Services under the Terms; (ii) to the extent necessary for compliance with applicable laws.\n")
    assert _classify(listed_terms, listed_terms.replace("under the Terms", "under these Terms")).retention is False
    # Near the evidence: a period changed beside "retain".
    near = "## Retention\nWe retain chat logs for 30 days after you close a conversation, for safety reasons.\n"
    assert _classify(near, near.replace("30 days after you close", "90 days after you close")).retention is True
    # A label that comes or goes is a change of that topic wherever the words changed.
    gone = ("## Data\nWe process your conversations to provide the service and we retain your conversations "
            "for safety.\n")
    assert _classify(gone, gone.replace(" and we retain your conversations for safety", "")).retention is True


def test_a_duty_of_the_customer_to_review_outputs_is_not_access_even_in_a_nested_list():
    text = ("## Use of Outputs\n"
            "- (g) You are responsible for evaluating any Output. Before publishing Outputs, you agree that you will:\n"
            "  - (i) conduct careful human review of each item of the Output;\n"
            "  - (ii) provide any attribution notice required by law.\n"
            "- (h) Conversations flagged for abuse may be read by human reviewers.\n")
    labels = {c.text: c.labels for c in segment(text)}
    assert "access" not in labels["- (i) conduct careful human review of each item of the Output;"]
    assert "access" in labels["- (h) Conversations flagged for abuse may be read by human reviewers."]


def test_a_recipient_named_only_as_a_modifier_is_not_access():
    assert "access" not in label("The information may include your IP address, browser type, Internet Service "
                                 "Provider (ISP) and pages visited, which are transferred to our servers.")
    assert "access" in label("We share your personal data with our service providers.")


def test_requests_from_authorities_for_data_are_access():
    assert "access" in label("When we receive data disclosure requests, our team reviews them to make sure that "
                             "they satisfy legal requirements.")
    assert "access" in label("We publish how many requests for user data we receive from governments.")


@pytest.mark.parametrize("sentence, topic", [
    # What the customer may do with Outputs is their business, not training on their data.
    ("You may apply the Inputs and Outputs of the Services to any use case, including training other models.",
     "training"),
    # Generating content is what a model does; no customer content is used.
    ("We have published an explanation of the foundation model's training process and content generation "
     "mechanisms.", "training"),
    # Staff training listed with other personnel practices.
    ("OpenAI maintains practices for vetting, training, and managing personnel with respect to security, "
     "including background checks of employees with access to Customer Data.", "training"),
    # The customer's duty to destroy materials, and its timing, is not how long the provider keeps data.
    ("Upon termination you must immediately cease using the Services and destroy or return any cached or stored "
     "content containing Downloadable Materials.", "retention"),
    # An authority acting on an account is enforcement, not access to data.
    ("DeepSeek may cooperate with government authorities' requirements to lock or restrict your account.", "access"),
])
def test_not_about_the_topic(sentence, topic):
    assert topic not in label(sentence)


def test_authorities_receiving_data_is_still_access():
    assert "access" in label("We may disclose personal data to government authorities when the law requires it.")


def test_a_changed_full_stop_carries_no_topic():
    old = '## Choices\nYou can opt out by turning off "Improve the model for everyone"\n'
    result = _classify(old, old.replace('everyone"', 'everyone".'))
    assert (result.training, result.retention, result.access) == (False, False, False)


def test_a_clause_renumbered_beside_its_evidence_carries_no_topic():
    old = ("## Security\n4.3 Retention. Acme will retain your Content as needed to provide the Services and to "
           "comply with the law, and it answers every request from the Customer within ten business days of "
           "receiving it.\n")
    # A section inserted before it renumbers the clause while a word far from "Retention" changes.
    new = old.replace("4.3 Retention", "4.4 Retention").replace("ten business days", "ten working days")
    assert _classify(old, new).retention is False
    assert _classify(old, new.replace("retain your Content", "retain your Content and Usage Data")).retention is True


def test_a_retention_setting_named_as_the_condition_of_training_is_not_retention():
    conditional = ("By using Labs Models, you acknowledge that Acme may use Customer Data and Outputs to train its "
                   "models, unless you have activated zero data retention.")
    assert label(conditional) == {"training"}
    # Retention stated in the main clause stays retention, conditions or not.
    assert "retention" in label("We retain your conversations for 30 days unless you delete them sooner.")
    assert "retention" in label("We may use your conversations to train our models and we retain them for 30 days.")


def test_cookies_listed_in_a_table_row_do_not_hide_what_another_cell_keeps():
    row = ("To personalise the Services through the Memory feature, which may retain details from your "
           "conversations | - Account Information; - Usage Data; - Cookies | - Legitimate interests")
    assert "retention" in label(row)
    # A cookie's own lifetime is still not retention of customer data.
    assert "retention" not in label("Session cookies are deleted when you close your browser; others expire "
                                    "after 13 months.")


def test_evidence_with_typographic_quotes_is_found_near_the_changed_words():
    # The evidence is found in folded text ("Acme's"); the clause reads "Acme’s", and the change sits beside it.
    old = "## Use\nWe may use your conversations to improve Acme’s artificial intelligence models.\n"
    new = old.replace("your conversations", "your conversations and uploaded files")
    [pair] = _classify(old, new).clauses
    assert pair["op"] == "changed" and "’" in pair["after"]
    assert _classify(old, new).training is True
