"""Deterministic generator of news-like English text for benchmarking tzsched.

All text here is synthetic and written for this project: a small recursive grammar
(``{slot}`` references expanded from word lists and a few computed slots) composes
datelines, sentences that carry clock times with zones, dates, weekdays, relative
expressions and durations, many financial and other numbers that are *not* times
("1400 troops", "2022 votes", "up 3.25 pct"), and plain filler prose with no time
at all (most news sentences hold none).

Everything is driven by one seeded ``random.Random``; nothing reads the clock, the
environment or hash-ordered containers, so the same seed always gives the same text.

>>> a = generate_articles(2, seed=1)
>>> a == generate_articles(2, seed=1)
True
>>> sorted(a[0])
['home', 'id', 'published', 'text']
>>> len(generate_text(5_000, seed=3).encode()) <= 5_000
True
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

__all__ = ["CITIES", "generate_articles", "generate_text", "iter_articles"]

# --------------------------------------------------------------------------- places
# (dateline text, IANA zone, city name used in prose)
CITIES: tuple[tuple[str, str, str], ...] = (
    ("KYIV, Ukraine", "Europe/Kyiv", "Kyiv"),
    ("MOSCOW", "Europe/Moscow", "Moscow"),
    ("LONDON", "Europe/London", "London"),
    ("NEW YORK", "America/New_York", "New York"),
    ("WASHINGTON", "America/New_York", "Washington"),
    ("TORONTO", "America/Toronto", "Toronto"),
    ("OTTAWA", "America/Toronto", "Ottawa"),
    ("CHICAGO", "America/Chicago", "Chicago"),
    ("HOUSTON", "America/Chicago", "Houston"),
    ("DENVER", "America/Denver", "Denver"),
    ("PHOENIX", "America/Phoenix", "Phoenix"),
    ("LOS ANGELES", "America/Los_Angeles", "Los Angeles"),
    ("SAN FRANCISCO", "America/Los_Angeles", "San Francisco"),
    ("ANCHORAGE, Alaska", "America/Anchorage", "Anchorage"),
    ("HONOLULU", "Pacific/Honolulu", "Honolulu"),
    ("ST. JOHN'S, Newfoundland", "America/St_Johns", "St. John's"),
    ("MEXICO CITY", "America/Mexico_City", "Mexico City"),
    ("SÃO PAULO", "America/Sao_Paulo", "São Paulo"),
    ("BUENOS AIRES, Argentina", "America/Argentina/Buenos_Aires", "Buenos Aires"),
    ("SANTIAGO, Chile", "America/Santiago", "Santiago"),
    ("PARIS", "Europe/Paris", "Paris"),
    ("BERLIN", "Europe/Berlin", "Berlin"),
    ("FRANKFURT", "Europe/Berlin", "Frankfurt"),
    ("BRUSSELS", "Europe/Brussels", "Brussels"),
    ("GENEVA", "Europe/Zurich", "Geneva"),
    ("ZURICH", "Europe/Zurich", "Zurich"),
    ("ROME", "Europe/Rome", "Rome"),
    ("MADRID", "Europe/Madrid", "Madrid"),
    ("WARSAW, Poland", "Europe/Warsaw", "Warsaw"),
    ("VIENNA", "Europe/Vienna", "Vienna"),
    ("ATHENS, Greece", "Europe/Athens", "Athens"),
    ("HELSINKI", "Europe/Helsinki", "Helsinki"),
    ("STOCKHOLM", "Europe/Stockholm", "Stockholm"),
    ("MINSK, Belarus", "Europe/Minsk", "Minsk"),
    ("ISTANBUL", "Europe/Istanbul", "Istanbul"),
    ("JERUSALEM", "Asia/Jerusalem", "Jerusalem"),
    ("CAIRO", "Africa/Cairo", "Cairo"),
    ("NAIROBI, Kenya", "Africa/Nairobi", "Nairobi"),
    ("LAGOS, Nigeria", "Africa/Lagos", "Lagos"),
    ("JOHANNESBURG", "Africa/Johannesburg", "Johannesburg"),
    ("DUBAI, United Arab Emirates", "Asia/Dubai", "Dubai"),
    ("RIYADH, Saudi Arabia", "Asia/Riyadh", "Riyadh"),
    ("TEHRAN, Iran", "Asia/Tehran", "Tehran"),
    ("KARACHI, Pakistan", "Asia/Karachi", "Karachi"),
    ("NEW DELHI", "Asia/Kolkata", "New Delhi"),
    ("MUMBAI", "Asia/Kolkata", "Mumbai"),
    ("KATHMANDU, Nepal", "Asia/Kathmandu", "Kathmandu"),
    ("BANGKOK", "Asia/Bangkok", "Bangkok"),
    ("JAKARTA, Indonesia", "Asia/Jakarta", "Jakarta"),
    ("SINGAPORE", "Asia/Singapore", "Singapore"),
    ("HONG KONG", "Asia/Hong_Kong", "Hong Kong"),
    ("BEIJING", "Asia/Shanghai", "Beijing"),
    ("SHANGHAI", "Asia/Shanghai", "Shanghai"),
    ("TAIPEI, Taiwan", "Asia/Taipei", "Taipei"),
    ("SEOUL, South Korea", "Asia/Seoul", "Seoul"),
    ("TOKYO", "Asia/Tokyo", "Tokyo"),
    ("MANILA, Philippines", "Asia/Manila", "Manila"),
    ("SYDNEY", "Australia/Sydney", "Sydney"),
    ("ADELAIDE, Australia", "Australia/Adelaide", "Adelaide"),
    ("WELLINGTON, New Zealand", "Pacific/Auckland", "Wellington"),
)

# agency name as it appears in the dateline -> the agency's own home zone
AGENCIES: tuple[tuple[str, str], ...] = (
    ("AP", "America/New_York"),
    ("Reuters", "Europe/London"),
    ("AFP", "Europe/Paris"),
    ("Bloomberg", "America/New_York"),
    ("CP", "America/Toronto"),
    ("dpa", "Europe/Berlin"),
    ("Kyodo", "Asia/Tokyo"),
    ("PTI", "Asia/Kolkata"),
)

# Zone labels for "<clock> <label>": (label, IANA zone or None, fixed UTC offset in
# minutes or None).  An IANA zone gets its offset on the article's date.
NAMED_ZONES: tuple[tuple[str, str], ...] = (
    ("Moscow time", "Europe/Moscow"),
    ("Kyiv time", "Europe/Kyiv"),
    ("London time", "Europe/London"),
    ("Paris time", "Europe/Paris"),
    ("Berlin time", "Europe/Berlin"),
    ("Tokyo time", "Asia/Tokyo"),
    ("Beijing time", "Asia/Shanghai"),
    ("Hong Kong time", "Asia/Hong_Kong"),
    ("Singapore time", "Asia/Singapore"),
    ("Sydney time", "Australia/Sydney"),
    ("New York time", "America/New_York"),
    ("Tehran time", "Asia/Tehran"),
    ("Indian time", "Asia/Kolkata"),
    ("Eastern", "America/New_York"),
    ("Eastern time", "America/New_York"),
    ("Central", "America/Chicago"),
    ("Central time", "America/Chicago"),
    ("Mountain", "America/Denver"),
    ("Pacific", "America/Los_Angeles"),
    ("Pacific time", "America/Los_Angeles"),
    ("ET", "America/New_York"),
    ("CT", "America/Chicago"),
    ("PT", "America/Los_Angeles"),
    ("MT", "America/Denver"),
)
FIXED_ZONES: tuple[tuple[str, int], ...] = (
    ("GMT", 0),
    ("UTC", 0),
    ("EDT", -240),
    ("EST", -300),
    ("CDT", -300),
    ("CST", -360),
    ("MDT", -360),
    ("PDT", -420),
    ("PST", -480),
    ("BST", 60),
    ("CET", 60),
    ("CEST", 120),
    ("EET", 120),
    ("EEST", 180),
    ("MSK", 180),
    ("IST", 330),
    ("HKT", 480),
    ("SGT", 480),
    ("JST", 540),
    ("KST", 540),
    ("AEST", 600),
    ("AEDT", 660),
)

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
AP_MONTHS = (
    "Jan.", "Feb.", "March", "April", "May", "June",
    "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
)
SHORT_MONTHS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = (
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "10", "11", "12",
    "a dozen", "several", "a few",
)

# --------------------------------------------------------------------------- grammar
# Each slot maps to alternatives; alternatives may reference other slots.  Weights are
# expressed by repetition.  Computed slots (times, dates, numbers) are in _COMPUTED.
G: dict[str, tuple[str, ...]] = {
    # ---- people and bodies
    "first": (
        "Anna", "Olena", "Dmitry", "Sergei", "James", "Maria", "Mohammed", "Aisha",
        "Kenji", "Mei", "Carlos", "Lucía", "François", "Søren", "Priya", "Rahul",
        "Olusegun", "Ngozi", "Hiroshi", "Yuki", "Jennifer", "Robert", "Fatima", "Omar",
        "Ingrid", "Tomasz", "Agnieszka", "Jean-Pierre", "Chen", "Li", "Abdullah",
        "Catherine", "Michael", "Elena", "Ivan", "Gabriel", "Sofia", "Andrés", "Leila",
    ),
    "last": (
        "Kovalenko", "Petrov", "Smith", "García", "Haddad", "Nakamura", "Wang",
        "Müller", "Dubois", "Rossi", "Novak", "Okafor", "Singh", "Sharma", "Tanaka",
        "Kim", "Nguyen", "Johansson", "Kowalski", "O'Brien", "MacLeod", "Fernández",
        "Yilmaz", "Cohen", "Abubakar", "Schmidt", "Moreau", "Ivanova", "Zhang", "Park",
        "Hernández", "Lindqvist", "Papadopoulos", "Mbeki", "Al-Rashid", "Brennan",
    ),
    "title": (
        "President", "Prime Minister", "Foreign Minister", "Finance Minister",
        "Defense Secretary", "Senator", "Governor", "Mayor", "Gen.", "Chancellor",
        "Central bank Governor", "Chief Executive", "Ambassador", "Judge", "Rep.",
    ),
    "person": (
        "{first} {last}", "{first} {last}", "{title} {first} {last}",
        "{title} {last}", "{last}",
    ),
    "role": (
        "a spokesman for {org}", "a spokeswoman for {org}", "an analyst at {bank}",
        "chief economist at {bank}", "a senior official at {org}",
        "a lawyer representing the families", "the head of {org}",
        "a researcher at {univ}", "a former adviser to the president",
        "a portfolio manager at {bank}", "a diplomat familiar with the talks",
    ),
    "org": (
        "the United Nations", "NATO", "the European Commission", "the World Bank",
        "the International Monetary Fund", "the Red Cross", "the Pentagon",
        "the State Department", "the Kremlin", "the health ministry",
        "the interior ministry", "the electoral commission", "the transport agency",
        "the Federal Reserve", "the European Central Bank", "the Bank of Japan",
        "the Bank of England", "OPEC", "the World Health Organization",
        "the Securities and Exchange Commission", "the coast guard",
        "the national weather service", "the city council", "the opposition party",
        "the ruling coalition", "the teachers' union", "the port authority",
    ),
    "bank": (
        "Goldman Sachs", "JPMorgan", "Barclays", "Deutsche Bank", "Nomura",
        "Commerzbank", "ING", "Societe Generale", "Morgan Stanley", "Capital Economics",
        "RBC Capital Markets", "UBS", "HSBC", "Citi", "BNP Paribas", "Macquarie",
    ),
    "univ": (
        "Oxford University", "the University of Toronto", "Kyiv-Mohyla Academy",
        "Sciences Po", "the London School of Economics", "Tsinghua University",
        "the University of Cape Town", "Georgetown University", "Keio University",
    ),
    "company": (
        "Acme Holdings", "Northwind Corp", "Globex", "Initech", "Blue Harbor Energy",
        "Vantage Motors", "Crescent Pharma", "Helios Solar", "Pinecrest Foods",
        "Meridian Airlines", "Orion Mining", "Silverline Telecom", "Atlas Shipping",
        "Redwood Insurance", "Quantum Semiconductors", "Harbor Steel", "Lakeside Retail",
        "Summit Bancorp", "Evergreen Paper", "Polar Logistics",
    ),
    "country": (
        "Ukraine", "Russia", "China", "Japan", "Germany", "France", "Britain",
        "the United States", "Canada", "Mexico", "Brazil", "India", "Pakistan", "Iran",
        "Israel", "Egypt", "Nigeria", "Kenya", "South Africa", "Turkey", "Poland",
        "Indonesia", "Australia", "Argentina", "South Korea", "Saudi Arabia",
    ),
    "group": (
        "protesters", "rescue workers", "investors", "lawmakers", "farmers",
        "residents", "doctors", "striking workers", "delegates", "negotiators",
        "voters", "commuters", "fishermen", "students", "veterans", "shareholders",
    ),
    "said": (
        "said", "said", "said", "told reporters", "told Reuters", "told The Associated "
        "Press", "said in a statement", "wrote on social media", "said in an interview",
        "added", "warned", "acknowledged", "insisted", "noted", "confirmed",
    ),
    "subj": (
        "{person}", "{person}, {role},", "officials", "the ministry", "{org}",
        "{company}", "analysts", "police", "the government", "the company",
        "a spokesperson", "{group}", "witnesses", "diplomats", "the military",
        "{person} of {org}",
    ),
    # ---- filler clauses (no time)
    "clause": (
        "the talks had stalled over the question of security guarantees",
        "the government would not back down",
        "there was no immediate sign of a breakthrough",
        "{group} had gathered outside the parliament building",
        "the decision was final and could not be appealed",
        "the proposal did not go far enough",
        "{org} was monitoring the situation closely",
        "the measures were aimed at cooling inflation",
        "it was too early to assess the damage",
        "the bridge would stay closed until engineers inspected it",
        "{country} had rejected the offer",
        "the ceasefire appeared to be holding in most areas",
        "demand for {commodity} remained weak",
        "the dispute could drag on for some time",
        "the plan enjoyed broad support among {group}",
        "{company} was in talks with several potential buyers",
        "the outage affected customers across the region",
        "the results were broadly in line with expectations",
        "the investigation was continuing",
        "the vote was a test of the coalition's strength",
        "the new rules would apply to all foreign carriers",
        "nobody had claimed responsibility for the attack",
        "the storm had weakened as it moved inland",
        "supplies of fuel and medicine were running low",
        "the agreement still needed the approval of {org}",
        "{group} were frustrated by the slow pace of reform",
        "the market was pricing in further cuts",
        "the court's ruling set an important precedent",
        "the project was behind schedule and over budget",
        "there were no plans to change course",
    ),
    "commodity": (
        "crude oil", "natural gas", "copper", "wheat", "soybeans", "coffee", "steel",
        "aluminium", "lithium", "cocoa", "sugar", "iron ore", "palm oil",
    ),
    "place": (
        "the capital", "the border region", "the port city of {city}",
        "the eastern provinces", "the city centre", "the industrial north",
        "the coastal town", "the disputed territory", "the southern suburbs of {city}",
        "{city}", "{city}", "{country}",
    ),
    "event": (
        "the summit", "the talks", "the vote", "the hearing", "the rally",
        "the meeting of finance ministers", "the trial", "the launch",
        "the shareholder meeting", "the press conference", "the ceasefire",
        "the strike", "the auction", "the funeral", "the match", "the debate",
        "the inauguration", "the central bank's policy meeting",
    ),
    "verb_past": (
        "met", "voted", "resumed talks", "reopened", "announced the deal",
        "signed the agreement", "walked out", "began the evacuation",
        "lifted the curfew", "cut interest rates", "issued a warning",
        "closed the border crossing", "released the prisoners", "filed the lawsuit",
        "raised its forecast", "suspended flights", "reached a settlement",
    ),
    "filler": (
        "{Subj} {said} {clause}.",
        "{Subj} {said} {clause}.",
        "{Subj} {said} that {clause}, but declined to give details.",
        "\u201c{Quote},\u201d {person} {said}.",
        "\u201c{Quote},\u201d {said_inv} {person}, {role}.",
        "{Subj} {said} {clause}, adding that {clause}.",
        "The move comes as {group} in {place} face mounting pressure.",
        "It was not immediately clear whether {clause}.",
        "Critics say {clause}.",
        "{Person} did not respond to a request for comment.",
        "{Org} declined to comment.",
        "The {adj} {noun} has drawn criticism from {group} and {group}.",
        "There was no independent confirmation of the report.",
        "{Group} in {place} said {clause}.",
        "The incident raised fresh questions about {topic}.",
        "{Person}, who took office amid {topic}, has vowed to {vow}.",
        "Some {group} said they feared {clause}.",
        "Under the plan, {company} would {vow}.",
        "The {noun} is expected to {vow}, according to {org}.",
        "According to {org}, {clause}.",
        "Details of the {noun} were not disclosed.",
        "{Subj} {said} the {noun} was {adj}.",
        "Reuters could not independently verify the claims.",
        "{Person} spoke on condition of anonymity because {clause}.",
        "The statement did not say how many {group} were affected.",
        "{Country} has repeatedly denied the accusations.",
    ),
    "said_inv": ("said", "said", "added", "warned"),
    "Quote": (
        "We are not going to accept this",
        "This is a very difficult moment for all of us",
        "We have done everything we could",
        "The door remains open",
        "Nobody expected it to happen so fast",
        "We will keep fighting for our rights",
        "The numbers speak for themselves",
        "It is a question of trust",
        "We need a solution that works for everyone",
        "I have never seen anything like it",
    ),
    "adj": (
        "controversial", "long-awaited", "ambitious", "disputed", "sweeping",
        "modest", "unprecedented", "fragile", "costly", "temporary", "new",
    ),
    "noun": (
        "reform", "deal", "proposal", "agreement", "merger", "budget", "law",
        "investigation", "programme", "pipeline", "ceasefire", "stimulus package",
        "bailout", "tariff", "sanctions package", "bond issue",
    ),
    "topic": (
        "public safety", "the country's energy security", "rising food prices",
        "the independence of the judiciary", "corruption", "the housing crisis",
        "press freedom", "the treatment of migrants", "the war's economic toll",
        "the cost of borrowing", "the state of the health system",
    ),
    "vow": (
        "restore order", "cut costs", "create jobs", "rebuild the damaged areas",
        "sell its stake", "review the contract", "expand production",
        "close the loophole", "hold fresh elections", "repay the debt",
    ),
    # ---- sentences with clock times and zones
    "timed": (
        "{Event} is due to start at {ztime}.",
        "{Event} began at {ztime}, {subj} {said}.",
        "{Subj} {said} {event} would resume at {ztime} on {weekday}.",
        "The explosion was heard at about {ztime}, {group} {said}.",
        "Trading was halted at {ztime} after {clause}.",
        "{Person} is scheduled to speak at {ztime} {relday}.",
        "The deadline expires at {ztime} {relday}.",
        "The polls close at {clock} local time, and results are expected by {ztime}.",
        "Talks resume at {ztime} on {weekday}.",
        "A curfew from {clock} to {clock} remains in force in {place}.",
        "{Org} will announce its decision at {ztime} on {date_md}.",
        "The alert was lifted at {ztime}, about {dur} after it was issued.",
        "Markets in {city} opened at {clock} and closed at {clock}.",
        "The flight landed at {ztime}, {dur} behind schedule.",
        "Sirens sounded across {place} shortly after {ztime}.",
        "By {ztime}, {clause}, {subj} {said}.",
        "The earthquake struck at {ztime} {relday} at a depth of {count_small} km.",
        "{Subj} {said} the {noun} would take effect at {ztime} on {date_any}.",
        "Polling stations will be open between {clock} and {clock}.",
        "The ministry's briefing, set for {ztime}, was postponed.",
        "{Group} began gathering at around {clock} {relday}.",
        "Benchmark {commodity} futures settled at {clock} ({ztime}) {pricey}.",
        "The launch window opens at {ztime} on {date_any}.",
        "The statement was released at {ztime}.",
        "The exchange will be open from {clock} to {ztime} during the holiday.",
        "Voting runs from {clock} until {ztime} on {date_md}.",
        "{Company} will hold a conference call at {ztime} {relday}.",
        "The strike is due to begin at {clock} {relday} and last {dur}.",
    ),
    # ---- sentences with dates, weekdays, relative times, durations
    "dated": (
        "{Subj} {said} on {weekday} {clause}.",
        "{Subj} {said} {relday} {clause}.",
        "{Country} {verb_past} on {date_any}.",
        "The invasion began on {date_full}.",
        "{Subj} {verb_past} {relweek}.",
        "{Subj} {verb_past} {weekday_part}, {subj} {said}.",
        "The {noun}, first announced in {month_year}, {clause_past}.",
        "{Relweek_cap}, {subj} {verb_past}.",
        "{Over_weekend_cap}, {group} in {place} {verb_past}.",
        "The {noun} expires on {date_md}, {subj} {said}.",
        "{Subj} had been in custody since {date_any}.",
        "The figures for {month_year} were revised, {org} {said}.",
        "The hearing was adjourned until {weekday}.",
        "{Event} was postponed until {date_md}.",
        "{Company} will report results on {date_md}.",
        "{Subj} {said} {event} would be held {rel_future}.",
        "{Person} served as {title_lower} {year_span}.",
        "The law, passed in {year}, {clause_past}.",
        "{Event} lasted {dur}, {subj} {said}.",
        "The strike, now in its {ordinal} week, {clause_past}.",
        "{Subj} {said} the {noun} could take {dur} to complete.",
        "{Group} waited for {dur} before {event} ended.",
        "{Company} has operated in {country} for {dur}.",
        "The {noun} runs until the end of {month_year}.",
        "In the {quarter} of {year}, {clause_past2}.",
        "Since {date_full}, {clause_past2}.",
        "{Subj} {said} {rel_past} {clause}.",
        "{Event} is set for {weekday_part}.",
        "The data covers the {dur} to {date_md}.",
        "{Person} was born on {date_full_old} in {city}.",
        "The {noun} was signed in {city} on {date_md} and ratified {rel_past}.",
        "The {decade} saw a wave of {noun} efforts.",
    ),
    "clause_past": (
        "was delayed several times", "has faced legal challenges",
        "drew thousands into the streets", "was later softened",
        "has since been extended", "is still under review",
    ),
    "clause_past2": (
        "prices have more than doubled", "the company has cut its workforce",
        "the number of arrivals has fallen sharply", "the two sides have not met",
        "exports have recovered", "the currency has lost ground against the dollar",
    ),
    # ---- numbers that are not times
    "money": (
        "Net shr {dec} dlrs vs {dec} dlrs.",
        "Revs {amount} vs {amount}.",
        "Net profit rose {pct} to {amount}, {company} {said}.",
        "{Company} shares fell {pct} to {price} in {city}.",
        "{Company} shares were up {pct} at {price}.",
        "The index rose {points} points, or {pct}, to {level}.",
        "The benchmark index closed down {points} points at {level}.",
        "{Company} agreed to buy {company} for {amount} in cash.",
        "The deal values {company} at {money_share} a share.",
        "{Country} sent {count} troops to the region.",
        "About {count} {group} took part in {event}.",
        "The measure passed with {count} votes in favour and {count} against.",
        "The candidate won {count} votes, or {pct} of the total.",
        "{Company} plans to cut {count} jobs, about {pct} of its workforce.",
        "The company employs {count} people in {count_small} countries.",
        "The {noun} is worth {amount}.",
        "Inflation slowed to {pct} from {pct}, {org} {said}.",
        "The central bank held its key rate at {pct}.",
        "The 10-year yield rose to {pct}.",
        "The dollar traded at {fx} yen, while the euro fetched {fx_eur} dollars.",
        "Benchmark {commodity} rose {dec} dlrs to {price_usd} a barrel.",
        "Gold was up {pct} at {gold} an ounce.",
        "Output reached {count} barrels per day.",
        "The {noun} includes {amount} in loan guarantees.",
        "Unemployment fell {dec} points to {pct}.",
        "{Company} reported a net loss of {amount}, or {dec} dlrs a share.",
        "Qtr oper net {amount} vs {amount}.",
        "Orders rose {pct} in the month, against forecasts of {pct}.",
        "{Company} raised its dividend to {cents} cts a share.",
        "The bond carries a coupon of {pct} and matures in {year_future}.",
        "{Country} exported {count} tonnes of {commodity}.",
        "Flight {flightno}, an Airbus A{airbus}, carried {count_small} passengers.",
        "The ship, carrying {count} containers, docked at berth {count_small}.",
        "Police said {count_small} people were arrested and {count_small} injured.",
        "The fire destroyed {count} hectares and {count_small} homes.",
        "Turnout was {pct}, with {count} ballots cast at {count} polling stations.",
        "The team won {score}, its {ordinal} straight victory.",
        "The quake measured {magnitude} on the Richter scale.",
        "The proposal, known as Resolution {count}, won {count_small} votes.",
        "{Company} sold {count} units, up from {count} a year earlier.",
        "The stock trades at {dec} times earnings.",
        "Route {count_small} and Highway {count} were closed.",
        "The {noun} would cost {money_ccy}, {subj} {said}.",
        "{Company} sees fiscal {year_future} earnings of {dec} to {dec} dlrs a share.",
        "Third-quarter sales rose {pct} to {amount}.",
        "The {noun} needs {count} signatures and the backing of {count_small} states.",
        "Shares of {company} closed at {money_share} a share, valuing it at {amount}.",
        "{Country} will deploy {count} troops and {count_small} aircraft.",
    ),
}

_SLOT_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _art_zone(art: dict) -> ZoneInfo:
    return art["zone"]


def _clock_ap(h: int, m: int) -> str:
    if h == 12 and m == 0:
        return "noon"
    if h == 0 and m == 0:
        return "midnight"
    suffix = "a.m." if h < 12 else "p.m."
    h12 = h % 12 or 12
    return f"{h12} {suffix}" if m == 0 else f"{h12}:{m:02d} {suffix}"


def _clock(rng: random.Random, h: int, m: int) -> str:
    style = rng.randrange(10)
    if style < 5:
        return _clock_ap(h, m)
    if style == 5:
        return f"{h:02d}{m:02d}"
    if style == 6:
        return f"{h:02d}:{m:02d}"
    if style == 7:
        suffix = "am" if h < 12 else "pm"
        h12 = h % 12 or 12
        return f"{h12}{suffix}" if m == 0 else f"{h12}.{m:02d} {suffix}"
    if style == 8:
        suffix = "AM" if h < 12 else "PM"
        return f"{h % 12 or 12}:{m:02d} {suffix}"
    return _clock_ap(h, m)


def _pick_hm(rng: random.Random) -> tuple[int, int]:
    h = rng.choice((6, 7, 8, 9, 9, 10, 10, 11, 12, 12, 13, 14, 14, 15, 16, 17, 17, 18,
                    19, 20, 21, 22, 23, 0, 1, 3, 5))
    m = rng.choice((0, 0, 0, 0, 0, 15, 30, 30, 45, 5, 10, 20, 40, 50))
    return h, m


def _ztime(rng: random.Random, art: dict) -> str:
    """A clock time with a zone, often restated in GMT (consistent on the article's day)."""
    h, m = _pick_hm(rng)
    kind = rng.randrange(12)
    day = art["published"].date()
    if kind < 6:
        label, zname = rng.choice(NAMED_ZONES)
        zone = ZoneInfo(zname)
        local = datetime(day.year, day.month, day.day, h, m, tzinfo=zone)
        off = local.utcoffset() or timedelta(0)
    elif kind < 10:
        label, minutes = rng.choice(FIXED_ZONES)
        off = timedelta(minutes=minutes)
    else:
        label = "local time"
        zone = _art_zone(art)
        local = datetime(day.year, day.month, day.day, h, m, tzinfo=zone)
        off = local.utcoffset() or timedelta(0)
    gmt = datetime(2000, 1, 1, h, m) - off
    clock = _clock(rng, h, m)
    gmt_hhmm = f"{gmt.hour:02d}{gmt.minute:02d}"
    form = rng.randrange(8)
    if label in ("GMT", "UTC") or form < 3:
        return f"{clock} {label}"
    if form < 5:
        return f"{clock} {label} ({gmt_hhmm} GMT)"
    if form == 5:
        return f"{clock} {label}/{gmt_hhmm} GMT"
    if form == 6:
        return f"{h:02d}{m:02d} {label}"
    return f"{clock} {label} ({gmt.hour:02d}:{gmt.minute:02d} UTC)"


def _clock_slot(rng: random.Random, art: dict) -> str:
    return _clock(rng, *_pick_hm(rng))


def _near_date(rng: random.Random, art: dict, spread: int = 400) -> date:
    return art["published"].date() + timedelta(days=rng.randint(-spread, spread // 4))


def _fmt_date(rng: random.Random, d: date, with_year: bool) -> str:
    style = rng.randrange(7)
    if not with_year:
        if style < 4:
            return f"{AP_MONTHS[d.month - 1]} {d.day}"
        if style < 6:
            return f"{MONTHS[d.month - 1]} {d.day}"
        return f"{d.day} {MONTHS[d.month - 1]}"
    if style < 3:
        return f"{AP_MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == 3:
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == 4:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == 5:
        return d.isoformat()
    return f"{d.day} {SHORT_MONTHS[d.month - 1]} {d.year}"


def _date_full(rng: random.Random, art: dict) -> str:
    return _fmt_date(rng, _near_date(rng, art, 1500), True)


def _date_full_old(rng: random.Random, art: dict) -> str:
    d = date(rng.randint(1935, 1995), rng.randint(1, 12), rng.randint(1, 28))
    return _fmt_date(rng, d, True)


def _date_md(rng: random.Random, art: dict) -> str:
    return _fmt_date(rng, _near_date(rng, art, 120), False)


def _date_any(rng: random.Random, art: dict) -> str:
    return _date_md(rng, art) if rng.random() < 0.6 else _date_full(rng, art)


def _month_year(rng: random.Random, art: dict) -> str:
    d = _near_date(rng, art, 900)
    style = rng.randrange(4)
    if style == 3:
        return f"{AP_MONTHS[d.month - 1].rstrip('.')} {d.year}"
    return f"{MONTHS[d.month - 1]} {d.year}"


def _year(rng: random.Random, art: dict) -> str:
    return str(art["published"].year - rng.randint(0, 30))


def _year_future(rng: random.Random, art: dict) -> str:
    return str(art["published"].year + rng.randint(2, 30))


def _year_span(rng: random.Random, art: dict) -> str:
    first = art["published"].year - rng.randint(3, 30)
    last = first + rng.randint(1, 3)
    return rng.choice((f"from {first} to {last}", f"between {first} and {last}",
                       f"in {first}-{str(last)[2:]}", f"since {first}"))


def _decade(rng: random.Random, art: dict) -> str:
    return rng.choice(("1970s", "1980s", "1990s", "2000s", "1960s", "late 1990s"))


def _weekday(rng: random.Random, art: dict) -> str:
    return rng.choice(WEEKDAYS)


def _weekday_part(rng: random.Random, art: dict) -> str:
    wd = rng.choice(WEEKDAYS)
    form = rng.randrange(8)
    return (
        f"on {wd}", f"{wd} night", f"late {wd}", f"early {wd}", f"{wd} morning",
        f"on {wd} afternoon", f"last {wd}", f"next {wd}",
    )[form]


def _relday(rng: random.Random, art: dict) -> str:
    return rng.choice((
        "today", "tomorrow", "on Monday", "on Friday", "this evening", "tonight",
        "on Wednesday", "on Sunday", "tomorrow morning", "later today", "on Thursday",
        "on Tuesday", "on Saturday",
    ))


_REL_WEEK = (
    "last week", "this week", "over the weekend", "earlier this month", "last month",
    "two days ago", "three weeks ago", "yesterday", "earlier this year", "last year",
    "in recent days", "a year earlier", "the day before", "this morning",
)


def _relweek(rng: random.Random, art: dict) -> str:
    return rng.choice(_REL_WEEK)


def _relweek_cap(rng: random.Random, art: dict) -> str:
    s = rng.choice(_REL_WEEK)
    return s[0].upper() + s[1:]


def _over_weekend_cap(rng: random.Random, art: dict) -> str:
    return rng.choice(("Over the weekend", "On Saturday", "Late on Sunday",
                       "Earlier in the day", "Hours later", "On the same day"))


def _rel_future(rng: random.Random, art: dict) -> str:
    return rng.choice(("next month", "next week", "later this year", "in the coming days",
                       "within two weeks", "next year", "in the spring", "by the end of "
                       "the year", "in three months", "early next year"))


def _rel_past(rng: random.Random, art: dict) -> str:
    return rng.choice(("last week", "last month", "on Monday", "in March", "last year",
                       "earlier this week", "two years ago", "in the summer"))


def _dur(rng: random.Random, art: dict) -> str:
    n = rng.choice(NUMBER_WORDS)
    unit = rng.choice(("hours", "days", "weeks", "months", "years", "minutes"))
    return rng.choice((
        f"{n} {unit}", f"{n} {unit}", "more than a week", "nearly two hours",
        "90 minutes", "48 hours", "a decade", "half an hour", f"about {n} {unit}",
        "six months", "the past decade", "12 months",
    ))


def _quarter(rng: random.Random, art: dict) -> str:
    return rng.choice(("first quarter", "second quarter", "third quarter",
                       "fourth quarter", "first half", "second half"))


def _ordinal(rng: random.Random, art: dict) -> str:
    return rng.choice(("second", "third", "fourth", "fifth", "sixth", "10th", "12th"))


def _title_lower(rng: random.Random, art: dict) -> str:
    return rng.choice(("mayor", "finance minister", "ambassador", "governor",
                       "chief executive", "chairman", "prime minister"))


def _city(rng: random.Random, art: dict) -> str:
    return rng.choice(CITIES)[2]


def _dec(rng: random.Random, art: dict) -> str:
    return f"{rng.uniform(0.05, 9.99):.2f}"


def _pct(rng: random.Random, art: dict) -> str:
    v = rng.uniform(0.1, 35.0)
    fmt = rng.randrange(5)
    if fmt == 0:
        return f"{v:.1f} pct"
    if fmt == 1:
        return f"{v:.2f} pct"
    if fmt == 2:
        return f"{round(v)} pct"
    if fmt == 3:
        return f"{v:.1f} percent"
    return f"{v:.1f}%"


def _count(rng: random.Random, art: dict) -> str:
    # deliberately many four-digit values that look like years or 24-hour clocks
    kind = rng.randrange(6)
    if kind < 2:
        return str(rng.choice((1400, 1200, 2022, 1900, 2000, 1730, 1945, 2100, 1815,
                               930, 2359, 1600, 800, 1230, 2024, 1999)))
    if kind == 2:
        return str(rng.randint(1000, 2400))
    if kind == 3:
        return f"{rng.randint(1, 999)},{rng.randint(0, 999):03d}"
    if kind == 4:
        return str(rng.randint(20, 999))
    return f"{rng.randint(1, 99)},{rng.randint(0, 999):03d},{rng.randint(0, 999):03d}"


def _count_small(rng: random.Random, art: dict) -> str:
    return str(rng.randint(2, 99))


def _amount(rng: random.Random, art: dict) -> str:
    unit = rng.choice(("billion dlrs", "mln dlrs", "mln stg", "billion euros",
                       "billion yen", "mln Canadian dlrs", "million dollars"))
    if rng.random() < 0.3:
        return f"${rng.uniform(1, 900):.1f} {rng.choice(('million', 'billion'))}"
    return f"{rng.uniform(1, 990):.1f} {unit}"


def _money_share(rng: random.Random, art: dict) -> str:
    return f"${rng.uniform(2, 400):.2f}"


def _money_ccy(rng: random.Random, art: dict) -> str:
    return rng.choice((
        f"{rng.randint(2, 900)} million euros", f"£{rng.randint(2, 90)} billion",
        f"€{rng.uniform(1, 99):.1f} billion", f"¥{rng.randint(10, 900)} billion",
        f"C${rng.randint(1, 90)} million", f"{rng.randint(100, 9000)} crore rupees",
    ))


def _price(rng: random.Random, art: dict) -> str:
    v = rng.uniform(1, 3000)
    return rng.choice((f"{v:,.2f} pence", f"${v:.2f}", f"{v:,.1f} yen", f"{v:.2f} euros",
                       f"{v:.2f} Swiss francs"))


def _price_usd(rng: random.Random, art: dict) -> str:
    return f"{rng.uniform(40, 130):.2f}"


def _gold(rng: random.Random, art: dict) -> str:
    return f"${rng.uniform(1100, 2900):,.2f}"


def _points(rng: random.Random, art: dict) -> str:
    return f"{rng.uniform(1, 400):.2f}"


def _level(rng: random.Random, art: dict) -> str:
    return f"{rng.uniform(900, 42000):,.2f}"


def _fx(rng: random.Random, art: dict) -> str:
    return f"{rng.uniform(100, 160):.2f}"


def _fx_eur(rng: random.Random, art: dict) -> str:
    return f"{rng.uniform(0.95, 1.25):.4f}"


def _cents(rng: random.Random, art: dict) -> str:
    return str(rng.randint(5, 95))


def _flightno(rng: random.Random, art: dict) -> str:
    return f"{rng.choice(('AC', 'BA', 'LH', 'UA', 'SU', 'PS', 'MH'))}{rng.randint(10, 2400)}"


def _airbus(rng: random.Random, art: dict) -> str:
    return rng.choice(("320", "321", "330", "350", "380", "220"))


def _score(rng: random.Random, art: dict) -> str:
    a = rng.randint(1, 7)
    return f"{a}-{rng.randint(0, a - 1)}"


def _magnitude(rng: random.Random, art: dict) -> str:
    return f"{rng.uniform(4.0, 8.9):.1f}"


def _pricey(rng: random.Random, art: dict) -> str:
    return f"{rng.choice(('up', 'down'))} {rng.uniform(0.1, 4):.2f} dlrs at {_price_usd(rng, art)}"


_COMPUTED: dict[str, Callable[[random.Random, dict], str]] = {
    "ztime": _ztime,
    "clock": _clock_slot,
    "date_full": _date_full,
    "date_full_old": _date_full_old,
    "date_md": _date_md,
    "date_any": _date_any,
    "month_year": _month_year,
    "year": _year,
    "year_future": _year_future,
    "decade": _decade,
    "year_span": _year_span,
    "weekday": _weekday,
    "weekday_part": _weekday_part,
    "relday": _relday,
    "relweek": _relweek,
    "Relweek_cap": _relweek_cap,
    "Over_weekend_cap": _over_weekend_cap,
    "rel_future": _rel_future,
    "rel_past": _rel_past,
    "dur": _dur,
    "quarter": _quarter,
    "ordinal": _ordinal,
    "title_lower": _title_lower,
    "city": _city,
    "dec": _dec,
    "pct": _pct,
    "count": _count,
    "count_small": _count_small,
    "amount": _amount,
    "money_share": _money_share,
    "money_ccy": _money_ccy,
    "price": _price,
    "price_usd": _price_usd,
    "gold": _gold,
    "points": _points,
    "level": _level,
    "fx": _fx,
    "fx_eur": _fx_eur,
    "cents": _cents,
    "flightno": _flightno,
    "airbus": _airbus,
    "score": _score,
    "magnitude": _magnitude,
    "pricey": _pricey,
}


def _expand(rng: random.Random, art: dict, template: str, depth: int = 0) -> str:
    def repl(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in _COMPUTED:
            return _COMPUTED[name](rng, art)
        key = name
        cap = False
        if key not in G and key[:1].isupper():
            key = key[0].lower() + key[1:]
            cap = True
        if key not in G:
            raise KeyError(f"unknown slot {name!r}")
        if depth > 8:
            raise RecursionError(f"grammar too deep at {name!r}")
        out = _expand(rng, art, rng.choice(G[key]), depth + 1)
        return out[0].upper() + out[1:] if cap and out else out

    return _SLOT_RE.sub(repl, template)


def _sentence(rng: random.Random, art: dict) -> str:
    r = rng.random()
    # most news sentences carry no time: ~45 % filler, ~22 % numbers, ~33 % temporal
    if r < 0.45:
        kind = "filler"
    elif r < 0.67:
        kind = "money"
    elif r < 0.82:
        kind = "dated"
    else:
        kind = "timed"
    s = _expand(rng, art, rng.choice(G[kind]))
    s = s.replace(",,", ",").replace(", .", ".").replace(",.", ".")
    return s[0].upper() + s[1:]


def _dateline(rng: random.Random, art: dict, agency: str) -> str:
    place = art["dateline"]
    d = art["published"]
    form = rng.randrange(8)
    if form < 3:
        return f"{place} ({agency}) \u2014 "
    if form < 5:
        return f"{place} ({agency}) - "
    if form == 5:
        return f"{place}, {MONTHS[d.month - 1]} {d.day} ({agency}) - "
    if form == 6:
        return f"{place} ({agency}) _ "
    return f"{place} \u2014 "


def _headline(rng: random.Random, art: dict) -> str:
    return _expand(rng, art, rng.choice((
        "{Country} and {country} agree to resume talks",
        "{Company} shares slide after profit warning",
        "{Org} warns of {topic}",
        "{Group} rally in {city} as {noun} vote nears",
        "Markets steady ahead of {event}",
        "{Person} vows to {vow}",
        "{Commodity} prices climb on supply worries",
    )))


def iter_articles(seed: int = 0) -> Iterator[dict]:
    """Endless deterministic stream of article records for ``seed``."""
    rng = random.Random(seed)
    start = datetime(2015, 1, 1, tzinfo=UTC)
    span_minutes = 11 * 366 * 24 * 60
    i = 0
    while True:
        dateline, city_zone, _city_name = rng.choice(CITIES)
        agency, agency_zone = rng.choice(AGENCIES)
        home = city_zone if rng.random() < 0.8 else agency_zone
        zone = ZoneInfo(home)
        published = (start + timedelta(minutes=rng.randrange(span_minutes))).astimezone(zone)
        art = {"dateline": dateline, "zone": ZoneInfo(city_zone), "published": published}
        paras: list[str] = []
        if rng.random() < 0.25:
            paras.append(_headline(rng, art))
        if rng.random() < 0.15:
            paras.append(f"By {_expand(rng, art, '{first} {last}')}")
        n_sent = rng.randint(4, 18)
        sentences = [_sentence(rng, art) for _ in range(n_sent)]
        first = _dateline(rng, art, agency) + sentences[0]
        body: list[str] = [first]
        j = 1
        while j < len(sentences):
            k = rng.randint(1, 3)
            body.append(" ".join(sentences[j:j + k]))
            j += k
        paras.extend(body)
        sep = "\n\n" if rng.random() < 0.7 else "\n"
        yield {
            "id": f"gen-{seed}-{i:06d}",
            "text": sep.join(paras) + "\n",
            "published": published.isoformat(timespec="seconds"),
            "home": home,
        }
        i += 1


def generate_articles(n: int, seed: int = 0) -> list[dict]:
    """``n`` article records ``{"id", "text", "published", "home"}``.

    ``published`` is ISO 8601 with a UTC offset (the wall time in ``home``), ``home``
    an IANA zone id.  Same ``seed``, same records.
    """
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter_articles(seed)
    return [next(it) for _ in range(n)]


def generate_text(n_bytes: int, seed: int = 0) -> str:
    """About ``n_bytes`` of UTF-8 news text (never more; at least 90 % for sizes >= 1 KB).

    Articles are joined by blank lines and the last one is cut at a sentence or word
    boundary.
    """
    if n_bytes <= 0:
        return ""
    parts: list[str] = []
    total = 0
    for art in iter_articles(seed):
        chunk = art["text"] + "\n"
        parts.append(chunk)
        total += len(chunk.encode("utf-8"))
        if total >= n_bytes:
            break
    raw = "".join(parts).encode("utf-8")[:n_bytes].decode("utf-8", errors="ignore")
    floor = int(len(raw) * 0.95)
    for boundary in ("\n", ". ", " "):
        cut = raw.rfind(boundary, floor)
        if cut > 0:
            return raw[: cut + 1].rstrip(" ") if boundary != "\n" else raw[: cut + 1]
    return raw


if __name__ == "__main__":  # pragma: no cover - manual preview
    import sys

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    for rec in generate_articles(count, seed=int(sys.argv[2]) if len(sys.argv) > 2 else 0):
        print(rec["id"], rec["published"], rec["home"])
        print(rec["text"])
