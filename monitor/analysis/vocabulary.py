"""The words the clause rules look for: what customers hand over, and the verbs, times and recipients that make a
sentence about training on it, keeping it or passing it on."""

from __future__ import annotations

import re

# Every rule below pairs an action word with the kind of thing it acts on, in the same sentence:
# "train" alone also means staff training, "retain" alone also means keeping rights.

# What customers and users hand over or generate. "information" and "data" are broad on purpose:
# the action words carry the precision.
DATA = (
    # "content generation", "content moderation policies": what is done, not the customer's content.
    r"(?:data|datasets?|information|content(?!\s+(?:generation|creation|moderation|polic(?:y|ies)|guidelines|standards)\b)"
    r"|inputs?|outputs?|prompts?|completions?|conversations?|chats?"
    r"|chat\s+histor(?:y|ies)|messages?|files?|uploads?|materials?|feedback|logs?|back-?ups?|records?"
    r"|recordings?|transcripts?|submissions?|interactions?|queries|images?|audio|voice\s+\w+|sessions?|activity"
    r"|metadata|scores|embeddings?|identifiers?|posts|comments|photos|videos|searches|responses)"
)
DATA_NOUN = re.compile(rf"\b{DATA}\b", re.I)
# What a customer submits or receives, as opposed to data about them.
_SUBMITTED = (
    r"(?:content|inputs?|outputs?|prompts?|completions?|conversations?|chats?|files?|materials?"
    r"|(?:customer|business|api|user)\s+data)"
)

# What a model is called; "improve our Services" alone is not training (it covers bug fixes too).
_MODEL = (
    r"(?:models?|LLMs?|machine[- ]learning(?:\s+(?:technolog(?:y|ies)|systems?|models?))?"
    r"|AI\s+(?:systems?|technolog(?:y|ies))|artificial\s+intelligence\s+(?:systems?|technolog(?:y|ies))"
    r"|algorithms?|neural\s+networks?)"
)

TRAINING_PHRASES: dict[str, re.Pattern[str]] = {
    # "train our models", "used to train", "for training purposes", "training data".
    "train": re.compile(r"\b(?:re)?train(?:s|ed|ing)?\b", re.I),
    "fine-tune": re.compile(r"\bfine[-\s]?tun(?:e|es|ed|ing)\b", re.I),
    # "improve Anthropic AI models", "develop our language models", "model improvement".
    "improve models": re.compile(
        rf"\b(?:improv|develop|enhanc|build|refin)\w*\s+(?:(?:and|or|our|its|the|their|new|\w+['’]s|(?-i:[A-Z]\w*)|AI"
        rf"|large|language|foundation|generative|artificial|intelligence|future|other)[\s,]+){{0,4}}{_MODEL}\b"
        rf"|\bmodel\s+(?:training|improvement|development)\b",
        re.I,
    ),
    # Business terms promise "will not use Customer Content to develop or improve the Services": what
    # customers submit is the object of "use", so the improvement is made with it. Only submitted
    # content counts here: "use aggregated information to improve our Services" is analytics.
    "use content to improve": re.compile(
        rf"\bus(?:e|es|ed|ing)\s+(?:\w+\s+){{0,3}}?{_SUBMITTED}\b[^.;]{{0,160}}?\b(?:to|for)\b[^.;]{{0,60}}?"
        rf"\b(?:develop|improv)\w*\b[^.;]{{0,30}}?\b(?:services?|products?)\b",
        re.I,
    ),
}

# "train" about people, not models: security awareness training, trained personnel, courses.
NOT_MODEL_TRAINING = re.compile(
    r"\b(?:personnel|employees?|staff|workforce|contractors|workers|team\s+members)\b[^.;]{0,80}\btrain"
    # "training of personnel", "vetting, training, and managing personnel"
    r"|\btrain\w*(?:,?\s+(?:and|or)\s+\w+|,\s+\w+){0,3}\s+(?:of\s+|for\s+)?(?:our\s+|its\s+|their\s+|your\s+)?"
    r"(?:personnel|employees|staff|workforce)"
    r"|\btrainings?\s+(?:courses?|sessions?|programs?|programmes?|videos?|modules?|certificat\w*|regarding"
    r"|on\s+(?:their|data\s+protection|security))"
    r"|\b(?:security|awareness|compliance|privacy)\s+(?:awareness\s+)?training\b",
    re.I,
)

# Use restrictions on the customer ("may not ... train competing models", "Customer using Output
# to develop models") speak of the customer's models, not of training on the customer's data.
CUSTOMER_SIDE_TRAINING = re.compile(
    r"\bcompet(?:e|es|ing|itive|itor|itors)\b"
    r"|\b(?:customer|you|users?)\b[^.;]{0,30}\b(?:using|use|uses)\s+(?:the\s+|any\s+)?outputs?\s+to\b"
    # "You may apply the Inputs and Outputs … to … training other models": what the customer may do with them
    r"|\b(?:customer|you|users?)\s+(?:may|can|are\s+(?:free|permitted|allowed)\s+to)\s+(?:use|apply|utili[sz]e)\s+"
    r"(?:the\s+|any\s+)?(?:inputs?\s+(?:and|or)\s+(?:the\s+)?)?outputs?\b",
    re.I,
)

RETENTION_PHRASES: dict[str, re.Pattern[str]] = {
    # Self-contained: these name data retention whatever the rest of the sentence says.
    "retention period": re.compile(
        r"\bretention\s+(?:periods?|polic(?:y|ies)|schedules?|settings?|windows?|controls?|timeframes?)\b"
        r"|\bperiods?\s+of\s+retention\b",
        re.I,
    ),
    "data retention": re.compile(
        rf"\bdata\s+retention\b|\bretention\s+of\s+(?:the\s+|your\s+|such\s+|personal\s+|customer\s+)?{DATA}",
        re.I,
    ),
    "zero data retention": re.compile(r"(?i:\bzero[-\s]data[-\s]retention\b)|\bZDR\b"),
    "legal hold": re.compile(r"\blegal\s+holds?\b|\blitigation\s+holds?\b", re.I),
    "how long we keep": re.compile(r"\bhow\s+long\s+(?:we\s+|\w+\s+)?(?:keep|retains?|stores?)\b", re.I),
}

# Retaining or keeping that needs a data noun in the same sentence.
RETAIN = re.compile(r"\bretain(?:s|ed|ing)?\b", re.I)
# "retains all ownership rights in Input", "retain the right to control the defense", "retain an amount".
RETAIN_NOT_DATA = re.compile(
    r"\bretain(?:s|ed|ing)?\s+(?:\w+\s+){0,3}?(?:rights?|title|ownership|interests?|control|discretion|amounts?"
    r"|fees?|counsel|attorneys?|liability|authority|responsibility|copyright)\b"
    # "personal data Anthropic retains about you" describes the data, not how long it is kept.
    r"|\bretain(?:s|ed)?\s+about\b",
    re.I,
)
# "we may store the entire related conversation", "will maintain and use this information": a keeping verb with a
# subject and data as its object says what is kept. Words only between them, so "store, transmit, or process
# this information" or "store or process personal data" (a use or a place), "stored in the United States"
# (a place) and "systems storing Customer Data" (a description) do not match.
KEEP_DATA = re.compile(
    rf"\b(?:we|they|will|may|might|shall|can|must|would|could|should|also)\s+(?:store|keep|maintain|hold)s?\s+"
    rf"(?!(?:the\s+)?(?:security|confidentiality|integrity|safeguards|appropriate|reasonable)\b)"
    # "we store or process personal data [in Singapore]": storing as one alternative of what is done to data
    # says where or how, not that it is kept ("will maintain and use this information" does)
    rf"(?!(?:or|and/or)\s)"
    rf"(?:[a-z]+\s+){{0,3}}?{DATA}\b",
    re.I,
)
# Keeping, storing and deleting are otherwise retention only with a time or trigger: "stored in the United
# States" is about place, "we may delete content alleged to be infringing" about moderation.
KEEP_STORE_DELETE = re.compile(
    r"\b(?:keep|keeps|kept|store|stores|stored|storing|delet(?:e|es|ed|ing|ion)|eras(?:e|es|ed|ing|ure)"
    r"|destroy(?:s|ed|ing)?|destruction|purg(?:e|es|ed|ing)|removed|de-identif\w+|anonymi[sz]\w+)\b",
    re.I,
)

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "eighteen": 18, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60,
    "ninety": 90, "hundred": 100,
}
_NUMBER = r"(?:\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
DURATION = re.compile(
    rf"(?:\b(?P<qual>up\s+to|no\s+(?:more|longer)\s+than|(?:a\s+)?maximum\s+of|at\s+least|(?:a\s+)?minimum\s+of"
    rf"|within|for|after|of)\s+)?"
    rf"\b(?P<n>{_NUMBER})(?:\s*\(\d+\))?[\s-]+(?:calendar\s+|business\s+)?"
    rf"(?P<unit>days?|weeks?|months?|years?|hours?)\b",
    re.I,
)
# A time or trigger that turns keeping/storing/deleting into a retention statement. The duration
# here has no qualifier group: an optional group in front would be tried at every position.
TIMING = re.compile(
    rf"\b{_NUMBER}(?:\s*\(\d+\))?[\s-]+(?:calendar\s+|business\s+)?(?:days?|weeks?|months?|years?|hours?)\b"
    r"|\bas\s+long\s+as\b|\bno\s+longer\s+than\b|\buntil\b|\bindefinitely\b|\bimmediately\b|\bpromptly\b"
    r"|\bautomatically\b|\bperiodically\b|\bthereafter\b|\bfor\s+the\s+duration\b|\bperiod\b|\btimeframes?\b"
    r"|\b(?:upon|after|following|on)\s+(?:the\s+)?(?:termination|expiration|expiry|end|closure|deletion|cancellation)\b"
    r"|\bat\s+the\s+end\s+of\b|\bno\s+longer\s+(?:needed|necessary|required)\b",
    re.I,
)
# Cookie lifetimes are not retention of customer data unless the sentence is about personal data.
COOKIES = re.compile(r"\bcookies?\b|\blocal\s+storage\b|\bpixels?\b|\bweb\s+beacons?\b", re.I)
PERSONAL_DATA = re.compile(r"\bpersonal\s+(?:data|information)\b", re.I)
RETENTION_HEADING = re.compile(r"\bretention\b|\bhow\s+long\b|\bdeletion\b", re.I)


# Access: who besides the automated service can see, receive or use the data. Where data is stored is
# not access by itself ("stored in Singapore"); a recipient or a reader must be named.
HUMAN_REVIEW = re.compile(
    r"\bhuman\s+(?:review\w*|moderat\w+|evaluat\w+|annotat\w+|raters?|oversight)\b"
    r"|\b(?:reviewed|read|accessed|viewed|seen|inspected|examined|annotated|labell?ed)\s+by\s+(?:\w+\s+){0,3}?"
    r"(?:humans?|people|persons?|staff|employees|personnel|reviewers|contractors|moderators|teams?)\b"
    r"|\b(?:staff|employees|personnel|reviewers|moderators|contractors|humans?)\b[^.;]{0,50}?"
    r"\b(?:review|read|access|view|see|look\s+at|inspect|examine|annotate)(?:s|ed|ing)?\b",
    re.I,
)
DISCLOSE = re.compile(
    r"\b(?:shar(?:e|es|ed|ing)|disclos\w+|sell(?:s|ing)?|sold|sale\s+of|transfer\w*|provid\w+|mak\w+\s+available"
    r"|pass\w*\s+on|rent(?:s|ed|ing)?|expos\w+|publish\w*|send(?:s|ing)?|sent|giv(?:e|es|en|ing)\s+access)\b",
    re.I,
)
RECIPIENT = re.compile(
    r"\bthird[-\s]part(?:y|ies)\b|\baffiliat\w+|\bgroup\s+(?:companies|entities|compan(?:y|ies))\b"
    # An "Internet Service Provider" is a detail collected about the user, not someone given the data.
    r"|(?<!internet\s)\bservice\s+providers?\b|\bvendors?\b|\bpartners?\b|\badvertisers?\b|\bad(?:vertising)?\s+networks?\b"
    r"|\bsub-?processors?\b"
    r"|\bother\s+users\b|\bthe\s+public\b|\bpublicly\b|\blaw[-\s]enforcement\b|\bgovernment\w*"
    r"|\b(?:public|governmental|competent|regulatory)\s+authorit\w+|\bregulators?\b|\bcourts?\b"
    r"|\b(?:successors?|acquirers?|buyers?|purchasers?)\b",
    re.I,
)
# Requests from authorities and the controls on who may look are about access on their own.
ACCESS_PHRASES: dict[str, re.Pattern[str]] = {
    "government request": re.compile(
        r"\blaw[-\s]enforcement\b|\bgovernment(?:al)?\s+(?:requests?|authorit\w+|agenc\w+|access)\b"
        r"|\bsubpoenas?\b|\bcourt\s+orders?\b|\blegal\s+process\b|\bsearch\s+warrants?\b"
        # "data disclosure requests", "requests for user data": what authorities send a provider
        r"|\b(?:data\s+)?disclosure\s+requests?\b|\brequests?\s+for\s+(?:\w+\s+)?(?:user|customer|account)\s+data\b",
        re.I,
    ),
    "access controls": re.compile(
        r"\baccess\s+controls?\b|\brole[-\s]based\s+access\b|\bleast[-\s]privilege\b|\bneed[-\s]to[-\s]know\b"
        r"|\bauthori[sz]ed\s+(?:personnel|employees|staff)\b|\bsub-?processors?\b",
        re.I,
    ),
}
# How far apart, in characters, a verb of passing data on and the recipient it passes it to may stand.
DISCLOSE_REACH = 120
# What precedes a verb the user does ("the information you provide"): the data is handed over, not passed on.
BY_THE_USER = re.compile(r"\b(?:you|users?)\s+$", re.I)
ACCESS_HEADING = re.compile(
    r"\bsub-?processors?\b|\bshar(?:e|ing)\b|\bdisclos\w+|\bthird[-\s]part(?:y|ies)\b|\brecipients?\b"
    r"|\bwho\s+(?:can\s+|may\s+)?(?:see|access)\b|\bhuman\s+review\b",
    re.I,
)
# A heading over a list of those the data goes to: each row of its table names one ("Subprocessors", "Recipients").
RECIPIENTS_HEADING = re.compile(
    r"\bsub-?processors?\b|\bprocessors?\b|\brecipients?\b|\bservice\s+providers?\b|\bvendors?\b", re.I)
