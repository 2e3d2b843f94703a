"""Derive newsgraph's actor data files from the public Phoenix/PETRARCH-2 CAMEO dictionaries.

Reads, from the directory given as the only argument (in this workspace ../shared/data/cameo):

  Phoenix.agents.petrarch2.txt        openeventdata/petrarch2 data/dictionaries/Phoenix.agents.txt
  Phoenix.International.actors.txt    openeventdata/petrarch2 data/dictionaries/Phoenix.International.actors.txt

both at commit 676801cd9cb2924bbbad09f86d15c9323e7097bf, MIT licence (c) 2014/2015 Open Event Data
Alliance. Writes, relative to the current directory (run it from the repository root):

  data/actors/agents.tsv    role nouns ("agents") with their CAMEO agent code and a type
  data/actors/igos.tsv      international organisations and NGOs with their CAMEO actor code,
                            aliases and seats

Usage:  python3 scripts/derive_cameo_actors.py ../shared/data/cameo

How the agents are derived: every agent line of the Phoenix file is read the way PETRARCH-2 reads
it (substitution sets such as !PERSON! and !MINIST! expanded, {plural} forms taken, '_' read as a
space, codes with their '~' dropped), regular plurals are generated (PETRARCH generates them at run
time, so the file leaves them out), the TABARI-style stems that remain (COMMERCE_MINIST) are
completed, and everything is lowercased. The list is then filtered: phrases of more than four
words, phrases with digits or other non-letters, phrases ending in a preposition ("ambassador
to"), minister/ministry forms for rare portfolios, and the phrases named in DROP (misspellings,
archaic, rare or offensive words, hardware and places that are not role nouns, words too general
or ambiguous in news text) are left out. A phrase Phoenix codes twice keeps its first code, as in
PETRARCH-2, unless PREFER says otherwise; CODE_FIXES changes a few codes on purpose; PLURAL_FIXES
and DROP_FORMS mend plurals; ADD holds the newsgraph team's additions. Each phrase is typed
'group' or 'organization' by its head noun (ORGANIZATION_HEADS, GROUP_HEADS, TYPE_BY_PHRASE).
The script stops with an error when a curation table names a phrase the source no longer has,
or when a phrase has no type.

How the organisations are derived: the Phoenix international file is parsed into entries (a
primary name, its '+' synonyms and its codes); the rows of IGOS name, for each organisation kept,
the Phoenix entries it comes from, and the code is read from the first of them. Organisations
missing from Phoenix carry their code in IGOS, chosen by the convention Phoenix uses (see the
comments there). Names are converted from Phoenix's ALL_CAPS by nice_name().

Everything the script adds by hand lives in this file as Python data, so running it regenerates
both files exactly; the output is sorted bytewise (LC_ALL=C sort) and is deterministic.
"""

import os
import re
import sys

PETRARCH_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
AGENTS_IN = "Phoenix.agents.petrarch2.txt"
INTL_IN = "Phoenix.International.actors.txt"
AGENTS_OUT = os.path.join("data", "actors", "agents.tsv")
IGOS_OUT = os.path.join("data", "actors", "igos.tsv")

AGENTS_HEADER = """\
# Agents: role nouns with their CAMEO agent codes, singular and plural forms as separate rows.
# source: derived by scripts/derive_cameo_actors.py from openeventdata/petrarch2 data/dictionaries/Phoenix.agents.txt @ {commit} (MIT, (c) 2014 Open Event Data Alliance), filtered, plus additions by the newsgraph team
# licence: MIT
# columns: phrase, code, type, use
# type: group (people: soldiers, protesters) or organization (institutions: the army, the supreme court, the ministry).
# use: empty, or "qualified" for a word that is a role noun only right after a country or an organisation (Pakistani forces, Hamas forces), being too often something else alone, or "foreign" for a role whose people are seldom of the country the story is set in (refugees, aid workers): it takes no fallback country.
""".format(commit=PETRARCH_COMMIT)

IGOS_HEADER = """\
# International organisations with CAMEO actor codes.
# source: derived by scripts/derive_cameo_actors.py from openeventdata/petrarch2 data/dictionaries/Phoenix.International.actors.txt @ {commit} (MIT, (c) 2014 Open Event Data Alliance), filtered, plus additions by the newsgraph team
# licence: MIT
# columns: code, name, aliases, seats
# aliases and seats are '|'-separated. aliases: abbreviations and other names as news writes them, with their capitalisation (UN|U.N.|United Nations Organization). seats: a city or building used as a metonym for the organisation (Brussels for the European Union).
""".format(commit=PETRARCH_COMMIT)


# ============================================================================================
# Agents: reading the Phoenix file
# ============================================================================================

# TABARI-style stems left in the file (PETRARCH-2 no longer stems): completed to whole words.
STEMS = {
    "minist": ["minister", "ministry"],
    "compan": ["company"],
    "industr": ["industry"],
    "authorit": ["authority"],
}

# Irregular plurals of a head word.
IRREGULAR_PLURALS = {
    "child": "children",
    "chief": "chiefs",
    "thief": "thieves",
    "wife": "wives",
    "midwife": "midwives",
    "housewife": "housewives",
    "mafioso": "mafiosi",
    "person": "persons",
    "monarch": "monarchs",
    "hierarch": "hierarchs",
    "matriarch": "matriarchs",
    "patriarch": "patriarchs",
    "human": "humans",
    "staff": "staffs",
    "hero": "heroes",
}

# Head words that take no plural: mass nouns, collectives that are already plural, adjectives.
NO_PLURAL = {
    "police", "military", "media", "clergy", "intelligence", "infantry", "artillery",
    "personnel", "soldiery", "enforcement", "society", "judiciary", "crime", "labor", "labour",
    "press", "rabble", "leadership", "governance", "people", "children", "men", "women",
    "gendarmerie", "hasidim", "townspeople", "security", "opposition", "public", "naval",
    "islamic", "jewish", "semi-official", "state-owned", "retired", "led", "poor",
    "aviation", "advisory", "corps", "barracks", "headquarters", "news", "series", "species",
    "gangdom", "gangland", "bureaucracy", "electorate", "population", "legislature", "staff",
    "polity", "kingdom", "diaspora", "youth", "presence", "machine", "community", "mob",
    "uprising", "rebellion", "revolt", "insurgency", "insurgence", "religion", "chancery",
    "aircraft", "janjaweed", "mukhabarat", "marines", "troops",
}

# Offices written with a postpositive "general": the plural goes on the noun before it.
POSTPOSITIVE_GENERAL = {
    "attorney", "consul", "director", "governor", "advocate", "auditor", "solicitor",
    "inspector", "prosecutor", "secretary", "postmaster", "surgeon",
}

# Prepositions after which a phrase's head noun is the word before them ("chief of staff").
HEAD_PREPOSITIONS = {"of", "for", "in", "to", "at", "on", "with", "without", "from", "de"}


class AgentEntry:
    """One agent phrase of the Phoenix file, expanded: a base form and its plural forms."""

    def __init__(self, line, raw, code, base, plurals, note="", explicit=False):
        self.explicit = explicit  # plurals given in the file ({...}) rather than generated
        self.line = line
        self.raw = raw
        self.code = code
        self.base = base
        self.plurals = plurals
        self.note = note


def words_of(phrase):
    """Phoenix phrase text to lowercase words: '_' and blanks are both word breaks."""
    return phrase.replace("_", " ").lower().split()


def pluralize_word(word):
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word.endswith("man") and word not in {"human", "german", "shaman", "ottoman", "roman"}:
        return word[:-3] + "men"
    if word.endswith("person"):
        return word + "s"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    return word + "s"


def is_plural_already(word):
    """True for a head word that is plural or invariant as it stands."""
    if word in NO_PLURAL:
        return True
    if word.endswith(("ss", "us", "is")):
        return False
    return word.endswith("s") or word.endswith("men")


def regular_plural(words):
    """The regular plural of a phrase (a list of words), or None when it takes none."""
    head = len(words) - 1
    for i, w in enumerate(words):
        if w in HEAD_PREPOSITIONS and i > 0:
            head = i - 1
            break
    if (
        head == len(words) - 1
        and len(words) > 1
        and words[-1] == "general"
        and words[-2] in POSTPOSITIVE_GENERAL
    ):
        head -= 1  # attorneys general, consuls general
    if is_plural_already(words[head]):
        return None
    out = list(words)
    out[head] = pluralize_word(words[head])
    return out


def read_agent_dictionary(path, warnings=None):
    """Reads Phoenix.agents.txt the way PETRARCH-2's read_agent_dictionary() does.

    Returns a list of AgentEntry. Lines PETRARCH would skip or misread are noted in
    `warnings` (a list of strings) when it is given.
    """
    if warnings is None:
        warnings = []
    subsets = {}
    entries = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#") or line.startswith("<!"):
            continue
        if line.lstrip().startswith("#"):
            continue
        if " #" in line:
            line = line[: line.find(" #")]
        if "!" in line and "=" in line:
            a = line.find("!")
            b = line.find("!", a + 1)
            subsets[line[a + 1 : b]] = [x.strip() for x in line.split("=", 1)[1].split(",")]
            continue
        if "[" not in line:
            warnings.append("line %d: no code, skipped: %r" % (n, line.strip()))
            continue
        phrase, _, rest = line.partition("[")
        m = re.match(r"\s*([^\]}]*)([\]}])", rest)
        if not m:
            warnings.append("line %d: unterminated code, skipped: %r" % (n, line.strip()))
            continue
        code = m.group(1).strip()
        if m.group(2) == "}":
            warnings.append("line %d: code closed with '}' instead of ']': %r" % (n, line.strip()))
        code = code.replace("~", "")
        if not re.fullmatch(r"[A-Z]{3,}", code):
            warnings.append("line %d: odd code %r, skipped" % (n, code))
            continue
        phrase = phrase.strip()
        explicit = None
        if "{" in phrase:
            explicit = phrase[phrase.find("{") + 1 : phrase.find("}")].strip()
            phrase = phrase[: phrase.find("{")].strip()
        if "!" in phrase:
            a = phrase.find("!")
            b = phrase.find("!", a + 1)
            marker = phrase[a + 1 : b]
            if marker not in subsets:
                warnings.append("line %d: unknown substitution set !%s!" % (n, marker))
                continue
            if "!" in phrase[b + 1 :]:
                warnings.append(
                    "line %d: a second substitution marker inside a word, skipped: %r"
                    % (n, phrase)
                )
                continue
            for sub in subsets[marker]:
                w = words_of(phrase[:a] + sub + phrase[b + 1 :])
                entries.append(AgentEntry(n, phrase, code, " ".join(w), [], "!%s!" % marker))
            continue
        w = words_of(phrase)
        if not w:
            continue
        bases = [w]
        note = ""
        if w[-1] in STEMS:
            bases = [w[:-1] + [full] for full in STEMS[w[-1]]]
            note = "stem " + w[-1]
        for b in bases:
            if explicit is not None:
                plurals = [" ".join(words_of(explicit))] if explicit else []
            else:
                p = regular_plural(b)
                plurals = [" ".join(p)] if p else []
            entries.append(
                AgentEntry(n, phrase, code, " ".join(b), plurals, note, explicit is not None)
            )
    return entries


# ============================================================================================
# Agents: curation (the newsgraph team's choices)
# ============================================================================================

MAX_WORDS = 4

# Minister and ministry phrases made from the !MINIST! set or a MINIST stem are kept only for
# portfolios that news names often. Written before the office ("foreign ministry") ...
PORTFOLIOS_BEFORE = {
    "", "agriculture", "commerce", "communications", "defence", "defense", "economic", "economy",
    "education", "electricity", "energy", "environment", "external affairs", "finance",
    "fisheries", "food", "foreign", "foreign affairs", "health", "higher education", "home",
    "home affairs", "immigration", "industry", "information", "interior", "justice", "labor",
    "labour", "law", "manpower", "mines", "petroleum", "public works", "religious affairs",
    "state", "technology", "telecommunications", "tourism", "trade", "transport",
    "transportation", "treasury", "unification", "water", "water resources", "welfare",
}
# ... and after it ("minister of defence", "minister for women").
PORTFOLIOS_AFTER = {
    "agriculture", "commerce", "communications", "defence", "defense", "economy",
    "economic affairs", "education", "electricity", "energy", "environment", "the environment",
    "european affairs", "external affairs", "external relations", "finance", "fisheries",
    "food", "foreign affairs", "health", "higher education", "home affairs", "housing",
    "industry", "information", "interior", "the interior", "internal affairs",
    "international cooperation", "international development", "international trade", "justice",
    "labor", "labour", "law", "local government", "mines", "national defence",
    "national defense", "national education", "national security", "natural resources", "oil",
    "petroleum", "planning", "public health", "public works", "religious affairs",
    "rural development", "science", "security", "social welfare", "sports", "state", "tourism",
    "trade", "transport", "the treasury", "water", "women",
}
# ... and after "minister for" (the style of Britain, Ireland, Australia and India).
PORTFOLIOS_FOR = {
    "defence", "education", "finance", "foreign affairs", "health", "home affairs",
    "international development", "justice", "the environment", "trade", "women",
}
OFFICE_WORDS = {"minister", "ministers", "ministry", "ministries"}

# !PERSON! forms in -person are kept only for these (the others are not English in use).
PERSON_FORMS_KEPT = {"spokesperson", "businessperson", "congressperson", "chairperson"}

# Phrases left out, by reason. A base phrase (the singular, or the phrase as Phoenix writes it)
# drops all its forms.
DROP = {
    "misspelt or garbled in the source": """
        a cabinet meeting | anti riot police | attorney-general | branokker | brigaider
        | buddhist monastary | c in cof | catholic monastary | chief's office
        | christian monastary | constitutional monarcy | court supreme
        | deparment of environment | ent affairs minister | ent affairs ministry | enterpreneur
        | extemist soldier | filmaker | gendarmery | gendermarie | healthcare facilitiy
        | high ranking offical | hindu monastary | kanidurgu | kidnaper | maffia | manafacture
        | marine corp | military led | muhabarat | mukabarat | nongovernmenal organisation
        | nongovernmenal organization | opthamologist | palace offcial | prime minster
        | privitization commission | provincal office | secretariate | self-defense milita
        | self-dfense force | supreme people court | the court | the pm | tinginist | traffiker
    """,
    "written without the hyphen news uses (ADD has the common ones hyphenated)": """
        anti government activist | anti government armed group | anti government force
        | anti government insurgent | anti government organization | anti government student
        | anti government youth | anti graft commission | anti graft court
        | anti junta terrorist group | anti military activist | anti terror court
        | anti terrorism court | government run firm | military backed government
        | non governmental organisation | non governmental organization | pro democracy group
        | pro democracy leader | pro democracy movement | pro democracy political activist
        | pro democratic leader | pro independence activist | self defence force
        | self defense force | self defense militia | state owned enterprise
        | state owned industrial unit | state owned insurance enterprise | state run media
        | state run television | state run tv
    """,
    "archaic, rare or specialist words": """
        abbot | academician | agitated students | agriculturalist | agriculturist
        | anaesthesiologist | anesthetist | anti government political activist
        | anti government underground group | archimandrite | archpriest | armed band
        | armed citizens | armed dissident | armed insurgency | armed insurgent group
        | armed professional | armed separatist movement | armed tribal rebel | arms-runner
        | army deserter | army for the liberation | assemblage | battlewagon | brigand
        | buddhist clergyman | buddhist clergymen | buddhist clergywoman | buddhist clergywomen
        | buddhist rebel | buddhist rebel group | buddhist rebel leader | buddhist student
        | buddhist warrior | cantor | cardiologist | caseworker | catholic missionary
        | catholic monk | catholic saint | cattleman | cattlemen | cattlewoman | cattlewomen
        | center for human rights | central intelligence bureau | centre for human rights
        | chancery | chief of intelligence | christian clergy | christian clergyman
        | christian clergymen | christian clergywoman | christian clergywomen | christian monk
        | christian rebel | christian rebel group | christian rebel leader | clergywoman
        | clergywomen | coalition of minority parties | collegian | colonist | conservatory
        | consistory | contrabandist | conveyancer | counsellor-at-law | coup d'etat leader
        | coup maker | court of chancery | covert operative | cropper | cultivator | cutpurse
        | cyberdissidents | dairyman | dairymen | dairywoman | dairywomen
        | democratic opposition leader | displaced family | displaced resident | dissenter
        | dissident soldier | dissident student | doc | drug pusher | drug runner
        | drug trafficking terrorist | echelon | editorialist | educatee | eighth grader
        | electoral alliance | eleventh grader | enemy insurgent | ensign | envoy extraordinary
        | ethnic insurgency | ethnic minority parties | ethnic minority rebel | excursionist
        | exiled government | exiled opposition politician | exiled regime | extortioner
        | extremist wahhabi | fifth grader | firewoman | firewomen | first grader | fisher
        | fisherwoman | fisherwomen | foreign terrorist organization | forger | foster-nurse
        | fourth grader | front for the liberation | fuerzas especiales | fundamentalist muslims
        | gangdom | gangland | gaolbird | gastroenterologist | gendarmerie nationale
        | generalissimo | government defector | graduate nurse | granger | guerilla army
        | guerilla faction | guerilla force | guerrilla leadership | gun for hire | gunrunner
        | gunslinger | gynecologist | hardline islamic | hasid | hasidim | hebrew | herdswoman
        | herdswomen | hierarch | high priest | hindu clergy | hindu clergyman | hindu clergymen
        | hindu clergywoman | hindu clergywomen | hindu missionary | hindu monk | hindu rebel
        | hindu rebel group | hindu rebel leader | hired gun | hit man | holdup man | holy man
        | holy men | holy person | holy woman | holy women | house physician | housebreaker
        | husbandman | husbandmen | husbandwoman | husbandwomen | illegal movement
        | illegal party | illicit drug industry | indigenous farmer | indigenous refugee
        | infiltration unit | infirmary | insurgence | insurgency leader | insurgency movement
        | insurgent leadership | insurgent movement | insurgent organization | insurrectionist
        | intelligence activity | intelligence apparatus | intelligence operation
        | inter service intelligence | internist | islamic council | islamic extremist group
        | islamic front | islamic missionary | islamic rebel group | islamic rebel leader
        | islamist missionary | jail bird | jailbird | judicatory | judicature | judicial branch
        | kindergartner | larcener | larcenist | law offender | lawbreaker | lawgiver
        | leader in exile | leading religious authority | legate | liberation army
        | liberation forces | liberation front | liberation movement | lieutenant jg
        | lieutenant junior grade | light colonel | low level insurgency | malefactor | marauder
        | mass opposition | medical building | medical institution | medical man | medical men
        | medical social worker | medical specialist | medical woman | medical women | medico
        | mendicant | mental institution | militant monk | militant movement | militant priest
        | military coup d'etat leader | military defector | military deserter
        | military intelligence secret police | military operations control command
        | mills association | minister plenipotentiary | ministers and mps | ministry delegation
        | miscreant | moslem | moslem cleric | moslem extremist | moslem militant
        | moslem settler | mp of the opposition | murderous extremist | muslim doctor
        | muslim hospital | muslim migrant | muslim missionary | muslim rebel group
        | muslim rebel leader | muslim separatist rebel | nanny | national army task force
        | national intelligence bureau | national revolutionary organization | navy deserter
        | neurologist | neurosurgeon | newspaperwoman | newspaperwomen | newswriter
        | ninth grader | nurse anesthetist | nurse practitioner | nursemaid | objector
        | official source | oncologist | operating surgeon | opposition editor
        | opposition parliament | opposition party demonstrator | opposition political party
        | opposition publisher | opposition reporter | opposition student leader | orchardist
        | orthopedic surgeon | orthopedist | outlawed parties | outlawed party
        | parallel government | paramount ruler | party alliance | party's military wing
        | phalanx | picketer | pilferer | pillager | pleader | plunderer | podiatrist
        | political alliance | political party in exile | polity | potentate | praesidium
        | prelate | primary health provider | private security force | privateer
        | pro-democracy political activist | pro-democratic leader | procuratorate
        | professor emeritus | promulgator | radical leftist group | radical salafi
        | rapist murderer | reactionaries | rebel base | rebel commando | rebel insurgent
        | rebel separatist | rebel source | rebel student | recreant | refugee returnee
        | registered nurse | religious person | repatriate | resident physician
        | resistance army | resistance commander | revolutionary front | revolutionary movement
        | royal administration | royal advisory | rumrunner | rustler | sadhu | safebreaker
        | safecracker | sanatarium | sanatorium | sanitarium | schoolhouse | science congress
        | sea robber | sea rover | second grader | senior intelligence officer
        | separatist guerrilla | serial murderer | seventh grader | sharecrop farmer | sightseer
        | sixth grader | snatcher | sneak thief | snitcher | social reformer | sodbuster
        | soldier of fortune | spokesman for the opposition | spree killer | stickup man
        | stipendiary | stipendiary magistrate | strike activist | striking nurse | student army
        | student dissident | student opposition | sublieutenant | tenth grader
        | terrorist group leader | terrorist insurgent | terrorist insurgent group
        | terrorist insurgent organization | third grader | throne council | top left leader
        | top right leader | torah scholar | tourer | townsperson | trained nurse
        | tribal insurgent | tribal rebel | triggerman | twelfth grader | underground army
        | underground force | underground opposition | underground rebel
        | underground resistance | unidentified forces | unitarian | unspecified opposition
        | urban guerilla | urologist | violent group | weekend warrior | welfare worker
        | youth protester
    """,
    "hardware, vehicles, weapons and places, not role nouns": """
        aerospace | airline business | airliner | airway | antiaircraft missile
        | antiship missile | apache attack helicopter | apache gunship | artillery
        | artillery system | attack craft | barracks | battle group | battle tank | battleship
        | blog | bomber | buddhist monastary | capital ship | cargo ship | cargo vessel
        | carrier | combat aircraft | combat helicopter | combat jet | combat planes
        | combat ship | combat trainer | commercial jet | container ship | container vessel
        | containership | correctional institution | corvette | cruise missile | cruiser
        | destroyer | diplomatic building | drone aircraft | educational institution
        | eurofighter typhoon | fighter aircraft | fighter bomber | fighter bombers
        | fighter plane | fighting falcon | fighting position | foreign diplomatic building
        | freighter | frigate | gazette | guard ship | harrier jet | health facility
        | heavy machine gun | high school | hmmwv | humvee | intelligence information
        | internet site | jet fighter | jetfighter | jetliner | joint strike fighter | jumbo jet
        | jumbojet | kfir | kindergarden | kindergarten | landing ship | medical building
        | merchant ship | merchant vessel | middle school | mig | military base
        | military machine | military transport plane | monastery | mortar position
        | muslim hospital | naval base | naval destroyer | naval ship | neighborhood
        | neighbourhood | news station | nighthawk stealth fighter | oil tanker | oiler
        | parliament house | passenger airliner | passenger jet | pilotless plane
        | police district | police post | predator drone | predator uav | preschool | prison
        | prison house | prisons department | publication | pulp magazine | reaper drone
        | religion | remotely piloted aircraft | remotely piloted drones | research institution
        | royal palace | schoolhouse | scud missile | security check | settlement | small town
        | spy plane | spy ship | state general hospital | state hospital | state prison
        | state university | stealth bomber | stealth fighter | submersible warship
        | sukhoi pak fa | super hornet | supertanker | tactical vehicle | tanker | telecom
        | telecom consultant | telecom firm | tomahawk cruise missile | tomahawk missile
        | tomcat fighter | torpedo boat | unmanned aerial drone | unmanned aerial system
        | unmanned aerial vehicle | unmanned aircraft | unmanned drone | unmanned predator
        | village | war machine | war vessel | weapons storage facility | web site | website
    """,
    "too general, ambiguous, or rare as a role noun in news text": """
        abductor | actor | adjudication court | administrative body | administrative official
        | administrative unit | adoption group | advisory board | advocate | advocate general
        | agriculture and irrigation ministry | agrobusiness | aide de camp | air unit
        | aircraft carrier | alleged militants | anti-drug agent | anti-government armed group
        | anti-government force | anti-government insurgent | anti-junta terrorist group
        | armed border patrol | armed force | armed patrols | armed rebel group
        | armed riot police | armed troops | army medical squad | army rangers | army reserve
        | army staff | assembly federale | assembly of the union | atomic energy committee
        | bank control department | bargainer | believer | blackmailer | border patrol police
        | border patrol unit | border security | border trade department | boss
        | broadcasting corp | bureau of special investigation | bureau of special operations
        | cabinetmaker | captain | caretaker administration | carjacker | cattle thief
        | central election committee | central jail authority | chamber | chief court judge
        | chief engineer | chief executive | chief of election commission | chief of state
        | chief of the army | child predator | city manager | city mayor
        | civil aviation department | civil aviation director general | civil aviation officer
        | civil aviation staff | civil courts | civil defense department
        | civil defense secretary | civil officer | coalition of ruling parties
        | coast guard patrols | commercial enterprise | committee of state
        | communications bureau | communications org | community | company union
        | computer maker | conman | conservative coalition | constituent | consul general office
        | control forces | convict | corporal | council of judges | council of the union
        | counsel | counsellor | counselor | counter drug expert | counter drugs expert
        | counter narcotics officer | court judge | court justice | court of auditors
        | criminal barrister | criminal investigator | criminal police | crook | crusader
        | culprit | customer | dean | defense service | defense services
        | defense services intelligence | delegate | delegation of the senate | democratic party
        | department for protocol | department of bank control | department of border trade
        | department of civil aviation | department of civil defense | department of environment
        | department of environmental quality | department of protocol | department of revenue
        | department of the environment | department of tourism | dept of agriculture
        | dept of tourism | dept of transportation | deputy | deserter | despot | detainee
        | development council | doctoral candidate | doctoral student | drug enforcement
        | drug mule | drug peddler | eco warrior | ecologist | economic expert
        | economy secretary | editor of newspaper | elected bodies | election commission member
        | election complaints commission | elector | electricity authority | electronics maker
        | employer | empress | energy corp | engineer | ethnic minority races
        | executive department | exile | exiled leader | exiled opposition | exiled politician
        | exiled prime minister | expatriate | external affairs department | federal chancellery
        | federal executive council | federal legislative council
        | finance administration minister | finance services minister | fire brigade official
        | fire company | fire marshal | fire warden | first family | first lieutenant
        | flag officer | foreign investment commission | foreign relations committee
        | freedom fighter | furniture maker | gas corp | general assembly | general contractor
        | general of the army | girl | governance | government commission | government employer
        | government organization | government regiment | government troops and police
        | green party | guard command | guerilla leader | head of national police
        | health personnel | high official | high ranking officer | high schooler
        | highly ranking official | hindu pilgrim | historian | home reserve | honorary consul
        | hunter | illegal immigrant | illegal migrant | industry | infant | infantry
        | information committee | information office | insurgent force | international terrorist
        | investigative agency | investigative commission | investment commission | islamic
        | islamic preacher | islamic rebel | islamist cleric | jail guard | jewish
        | judicial system | junior officer | junta chief | junta forces | junta soldier
        | junta troop | junta troops | justice of the peace | justice system | kingdom
        | land force | landholder | law officer | lawman | leader of parliament | leading bank
        | leading news | left wing coalition | leftist party | legislative chamber | lieutenant
        | livestock authority | local drug controlling authorities | local law enforcement
        | looter | majority party | man | marine corps gunnery sergeant | master sergeant | men
        | merchandiser | meteorological department | middle schooler | military clique
        | military commission | military coup leader | military group
        | military intelligence apparatus | military justice | military presence
        | military representative | military reserve | military rule
        | military support personnel | mines official | mob | monger | mother | muslim pilgrim
        | muslim radical | narcotics officer | national airline | national army detachment
        | national bank | national board of revenue | national court
        | national development council | national economic council
        | national education committee | national health committee
        | national investment committee | national nutritional council
        | national security office | national traitor | native | native people | naturalized
        | naval | naval unit | neutral caretaker government | newspaper chief editor
        | non-native | non-resident | nuclear energy committee | office of the unrepresentative
        | officer in command | oil corp | oil group | opposition daily | opposition faction
        | opposition force | opposition senator | ousted foreign minister | ousted premier
        | outlaw | owners of private companies | paratroops | party president | patent office
        | people | people's bank | people's committee | peoples bank | persons | pickpocket
        | planning commission | police captain | police deputy commissioner | political detainee
        | political wing | population | postal department | power secretary | press association
        | prime minister in exile | private army | privatization commission | producer
        | property owner | prosecuting attorney | prosecuting officer | protesting student
        | protesting worker | protocol department | public health chief
        | public relations officer | public sector | public security authority
        | public service commission | publishing company | publishing firm | rabble | raider
        | rebel soldier | rebellion | reformer | regional representative | regulatory body
        | religious affairs bureau | religious court | religious organization
        | representative assembly | representative in parliament | representative to the un
        | representative's council | representatives | reserve officer | resident of the capital
        | resistance leader | retired | revolt | right wing coalition
        | royal coalition government | royal court | royal government | royal palace
        | ruling faction | ruling general | ruling military government | ruling party senator
        | savings and loan | scholar | seaman | second lieutenant | secretary of civil
        | secretary of labour | secretary of security council | secretary of the economy
        | securities exchange | security council | security patrol | self-defence force
        | semi-official | senate delegation | senate of the republic | separatist militant
        | sheriff deputy | shoplifter | sociologist | soldiers and their families
        | soldiers with their families | soldiery | sole political party | sovereign
        | speaker of legislature | special battalion | special commission | special operations
        | standing army | state attorney general | state auditor general | state commission
        | state development council | state leader | state prosecutor general
        | state security council | state-owned | steel tycoon | steelworker | strategic service
        | students and professor | students and teacher | sub-district leader
        | subdistrict leader | tactical unit | telecommunication board | tenant | the poor
        | tourism department | tourism office | tourist board | trade delegation
        | transport authority | transportation worker | tree hugger | trial attorney
        | truce monitor | turncoat | tyrant | uprising | vip | waiter | waitress
        | wildlife conservationist | worker organization | workers action council
        | workers federation | workers organization | workers' action council
        | workers' federation | writer
    """,
}

# Single forms left out while the rest of their entry is kept.
DROP_FORMS = {
    "gendarmery",  # Phoenix gives GENDARMERY {GENDARMERIE}: the "plural" is the word in use
    "midwive",  # Phoenix's plural of MIDWIFE; replaced by PLURAL_FIXES
    "criminal",  # the singular is mostly the adjective (`a criminal investigation`)
}

# A phrase with a preposition ("chief of staff") gets a generated plural only for these heads;
# the others are names of single bodies ("house of commons") or read badly in the plural.
PLURAL_OF_PHRASE_HEADS = {"chief", "head", "member", "government", "leader"}

# Plurals Phoenix gives wrongly or leaves out ([] for none).
PLURAL_FIXES = {
    "secretary of state": ["secretaries of state"],
    "national guard": [],
    "army national guard": [],
    "state duma": [],
    "privy council": [],
    "politburo": [],
    "presidium": [],
    "federation council": [],
    "federal national council": [],
    "tv": [],
    "television": [],
    "public television": [],
    "state-owned television": [],
    "national security council": [],
    "midwife": ["midwives"],
    "member of the legislature": ["members of the legislature"],  # Phoenix: MEMBERS_OF_THE_SENATE
    "airman": ["airmen"],  # Phoenix: AIRMAN {}
    "janjaweed": [],
}

# A phrase Phoenix codes twice takes its first code, as PETRARCH-2 does (it keeps both and the
# first one stored wins); these phrases take another one.
PREFER = {
    # !MINIST! OF_ENVIRONMENT is [~ENV] three times before [~GOVENV]; a ministry is government.
    "minister of environment": "GOVENV",
    "ministry of environment": "GOVENV",
    "minister of the environment": "GOVENV",
    "ministry of the environment": "GOVENV",
}

# Codes changed on purpose.
CODE_FIXES = {
    # Phoenix: SPOKES!PERSON! [~MED]. A spokesman speaks for an office, and news uses the bare
    # noun for government spokesmen far more than for any other ("a Kremlin spokesman").
    "spokesman": "GOV",
    "spokesmen": "GOV",
    "spokeswoman": "GOV",
    "spokeswomen": "GOV",
    "spokesperson": "GOV",
}

# The newsgraph team's additions: (phrase, code, type[, use]). Plurals are written out.
ADD = [
    # people and bodies news names all the time that Phoenix lacks
    ("official", "GOV", "group"),
    ("officials", "GOV", "group"),
    ("election official", "GOV", "group"),
    ("election officials", "GOV", "group"),
    ("electoral council", "GOV", "organization"),
    ("electoral councils", "GOV", "organization"),
    ("spokespeople", "GOV", "group"),
    ("party", "PTY", "organization"),
    ("parties", "PTY", "organization"),
    ("opposition", "OPP", "organization"),
    ("opposition group", "OPP", "organization"),
    ("opposition groups", "OPP", "organization"),
    ("protestor", "OPP", "group"),
    ("protestors", "OPP", "group"),
    ("anti-government protester", "OPP", "group"),
    ("anti-government protesters", "OPP", "group"),
    ("anti-government activist", "OPP", "group"),
    ("anti-government activists", "OPP", "group"),
    ("assembly", "LEG", "organization"),
    ("lower house", "LEG", "organization"),
    ("lower houses", "LEG", "organization"),
    ("guardsman", "MIL", "group"),
    ("guardsmen", "MIL", "group"),
    ("national guardsman", "MIL", "group"),
    ("national guardsmen", "MIL", "group"),
    ("sailor", "MIL", "group"),
    ("sailors", "MIL", "group"),
    ("paratrooper", "MIL", "group"),
    ("paratroopers", "MIL", "group"),
    ("marine corps", "MIL", "organization"),
    ("defence force", "MIL", "organization"),
    ("defence forces", "MIL", "organization"),
    ("military commander", "MIL", "group"),
    ("military commanders", "MIL", "group"),
    ("regime forces", "MIL", "group"),
    ("rebel fighter", "REB", "group"),
    ("rebel fighters", "REB", "group"),
    ("militant group", "UAF", "organization"),
    ("militant groups", "UAF", "organization"),
    ("jihadist group", "UAFMUS", "organization"),
    ("jihadist groups", "UAFMUS", "organization"),
    ("peacekeeper", "IGO", "group"),
    ("peacekeepers", "IGO", "group"),
    ("peacekeeping force", "IGO", "organization"),
    ("peacekeeping forces", "IGO", "organization"),
    ("union", "LAB", "organization"),
    ("unions", "LAB", "organization"),
    ("labour union", "LAB", "organization"),
    ("labour unions", "LAB", "organization"),
    ("trade unionist", "LAB", "group"),
    ("trade unionists", "LAB", "group"),
    # the state's watchdog over its own administration (Defensoria del Pueblo, Public Protector)
    ("ombudsman", "GOV", "group"),
    ("ombudsmen", "GOV", "group"),
    ("ombudsperson", "GOV", "group"),
    # one-word trades the role noun "workers" does not reach
    ("autoworker", "LAB", "group"),
    ("autoworkers", "LAB", "group"),
    ("dockworker", "LAB", "group"),
    ("dockworkers", "LAB", "group"),
    ("miner", "LAB", "group"),
    ("miners", "LAB", "group"),
    ("mineworker", "LAB", "group"),
    ("mineworkers", "LAB", "group"),
    ("steelworker", "LAB", "group"),
    ("steelworkers", "LAB", "group"),
    # those who attacked, before anyone knows who they were (as `gunmen`)
    ("attacker", "UAF", "group"),
    ("attackers", "UAF", "group"),
    ("church", "CHR", "organization"),
    ("churches", "CHR", "organization"),
    ("catholic church", "CHRCTH", "organization"),
    ("intelligence agency", "SPY", "organization"),
    ("intelligence agencies", "SPY", "organization"),
    ("health worker", "HLH", "group"),
    ("health workers", "HLH", "group"),
    ("paramedic", "HLH", "group"),
    ("paramedics", "HLH", "group"),
    ("aid worker", "NGO", "group"),
    ("aid workers", "NGO", "group"),
    ("aid agency", "NGO", "organization"),
    ("aid agencies", "NGO", "organization"),
    ("charity", "NGO", "organization"),
    ("charities", "NGO", "organization"),
    ("editor", "MED", "group"),
    ("editors", "MED", "group"),
    ("broadcaster", "MED", "organization"),
    ("broadcasters", "MED", "organization"),
    ("university student", "EDU", "group"),
    ("university students", "EDU", "group"),
    ("internally displaced people", "REF", "group"),
    ("defence lawyer", "JUD", "group"),
    ("defence lawyers", "JUD", "group"),
    # state media by the medium (`said on state television`)
    ("state broadcaster", "GOVMED", "organization"),
    ("state radio", "GOVMED", "organization"),
    ("state television", "GOVMED", "organization"),
    ("state tv", "GOVMED", "organization"),
    ("state-owned broadcaster", "GOVMED", "organization"),
    ("state-run broadcaster", "GOVMED", "organization"),
    ("state-run news agency", "GOVMED", "organization"),
    ("state-run radio", "GOVMED", "organization"),
    # hyphenated forms of Phoenix phrases written without the hyphen
    ("state-run media", "GOVMED", "organization"),
    ("state-run television", "GOVMED", "organization"),
    ("state-run tv", "GOVMED", "organization"),
    ("anti-terrorism court", "JUD", "organization"),
    ("anti-terrorism courts", "JUD", "organization"),
    ("pro-democracy activist", "OPP", "group"),
    ("pro-democracy activists", "OPP", "group"),
    # deputies of offices news names often
    ("deputy defence minister", "GOV", "group"),
    ("deputy defence ministers", "GOV", "group"),
    ("deputy defense minister", "GOV", "group"),
    ("deputy defense ministers", "GOV", "group"),
    ("deputy finance minister", "GOV", "group"),
    ("deputy finance ministers", "GOV", "group"),
    ("deputy foreign minister", "GOV", "group"),
    ("deputy foreign ministers", "GOV", "group"),
    ("deputy governor", "GOV", "group"),
    ("deputy governors", "GOV", "group"),
    ("deputy interior minister", "GOV", "group"),
    ("deputy interior ministers", "GOV", "group"),
    ("deputy mayor", "GOV", "group"),
    ("deputy mayors", "GOV", "group"),
    ("deputy minister", "GOV", "group"),
    ("deputy ministers", "GOV", "group"),
    ("deputy president", "GOV", "group"),
    ("deputy presidents", "GOV", "group"),
    ("deputy speaker", "GOV", "group"),
    ("deputy speakers", "GOV", "group"),
    # businesses and research bodies of economic news
    ("consultancies", "BUS", "organization"),
    ("consultancy", "BUS", "organization"),
    ("firm", "BUS", "organization"),
    ("firms", "BUS", "organization"),
    ("insurer", "BUS", "organization"),
    ("insurers", "BUS", "organization"),
    ("lender", "BUS", "organization"),
    ("lenders", "BUS", "organization"),
    ("pollster", "BUS", "organization"),
    ("pollsters", "BUS", "organization"),
    ("retailer", "BUS", "organization"),
    ("retailers", "BUS", "organization"),
    ("think tank", "EDU", "organization"),
    ("think tanks", "EDU", "organization"),
    # words that are role nouns only right after a country or an organisation (`Pakistani
    # forces`, `Hamas forces`): alone they are too often something else
    ("drones", "MIL", "group", "qualified"),
    ("forces", "MIL", "group", "qualified"),
    ("guards", "MIL", "group", "qualified"),
    ("jets", "MIL", "group", "qualified"),
]

# Derived phrases that are role nouns only right after a country or an organisation
# (`Pakistani intelligence`), as the last rows of ADD are: `artificial intelligence` is none.
QUALIFIED = {"intelligence"}

# Roles whose people are seldom of the country a story is set in (refugees have crossed a
# border, aid agencies and their workers mostly come from abroad, diplomats serve abroad): they take a country only
# from the words around them, never the article's own.
FOREIGN = {
    "aid agencies", "aid agency", "aid worker", "aid workers", "asylum seeker", "diplomat",
    "diplomats",
    "asylum seekers", "boat people", "charities", "charity", "ngo", "ngos",
    "non-governmental organisation", "non-governmental organisations",
    "non-governmental organization", "non-governmental organizations", "refugee", "refugees",
    "stateless person", "stateless persons",
}

# ============================================================================================
# Agents: group or organization
# ============================================================================================

# The type of a phrase is the type of its head noun (the last word, or the word before "of",
# "for", ... in "chief of staff"); TYPE_BY_PHRASE overrides it.
ORGANIZATION_HEADS = """
    administration agency airline alliance archdiocese army assembly association authority
    automaker bank battalion board body branch brigade bureau bureaucracy business cabinet
    carmaker cartel chamber chancellery charity church coalition college commission
    committee community company conglomerate congress consulate contractor corporation corps
    council court crime department diocese duma embassy enforcement exporter firm force
    forces gang garrison gendarmerie government group guard hospital house industry infantry
    insurgency intelligence judiciary junta labor legislature mafia magazine maker
    manufacturer media military militia ministry movement mukhabarat navy network newspaper
    ngo office opposition organisation organization outlet palace parliament party patrol
    personnel police politburo presidium press radio regime regiment school senate service
    society squad station steelmaker syndicate system tabloid television tribunal tv union
    unit university wing
"""
GROUP_HEADS = """
    academic activist admiral adviser advisor agent aide aircraft airman airmen ambassador
    anglican archbishop arsonist assailant asylum athlete attorney auditor autocrat
    backpacker bandit barrister bishop blogger bomber boss broadcaster buddhist buddhists
    bureaucrat burglar businessman businessmen businessperson businesswoman businesswomen
    campaigner candidate captain caregiver ceo chancellor charge chief child children
    christian christians citizen civil civilian clergy clergyman clergymen clergywoman
    cleric colonel columnist combatant commandant commander commanding commando commentator
    commissioner congressman congressmen congressperson congresswoman congresswomen
    conservationist constable consul correspondent councillor councilor counsel
    counterfeiter criminal crown d'affaires dealer defector defender delegation demonstrator
    dentist deputy detective dictator diplomat director displaced dissident doctor dweller
    economist editor educator electorate emissary emperor employee engineer entrepreneur
    environmentalist envoy executive exile extortionist extremist farmer felon fighter
    firefighter fireman firemen fisherman fishermen fundamentalist gangster general generals
    governor guardsman guardsmen guerilla guerrilla gunman gunmen gunship hardliner head
    headmaster helicopter herdsman herdsmen hiker hindu hindus hitman hitmen imam immigrant
    inspector insurgent intellectual investor islamist janjaweed jet jew jews jihadist
    journalist judge justice kidnapper killer king kingpin laborer labourer lady landlord
    landowner lawmaker lawyer leader lecturer legislator lord mafiosi mafioso magistrate
    marine marines maronite marshal mayor medic member mercenary merchant midwife midwives
    migrant militant militiaman militiamen minister missionary mobster monarch monk mourner
    mp mugger mullah muslim mutineer narco-terrorist narco-trafficker newspaperman
    newspapermen non-combatant noncombatant nurse officer official onlooker operative owner
    paedophile paramedic paramilitary paratrooper parliamentarian passenger peacekeeper
    peasant pediatrician pedophile people perpetrator person persons photographer physician
    pilgrim pirate plotter policeman policemen policewoman policewomen politician
    practitioner preacher premier president priest prince prisoner professional professor
    prosecutor protester protestor provider psychiatrist publisher pupil rabbi rancher
    rapist rebel reformist refugee regulator reporter representative reservist resident
    returnee rioter robber ruler sailor schoolteacher scientist secretary seeker senator
    separatist servant serviceman servicemen servicewoman servicewomen settler sharecropper
    sheriff shopkeeper smuggler social soldier solicitor speaker spokesman spokesmen
    spokespeople spokesperson spokeswoman spokeswomen spy stateless student sunni sunnis
    supporter surgeon taxpayers teacher terrorist thief thieves tourist townspeople trader
    trafficker traveler traveller troop trooper tycoon undersecretary unionist victim
    villager voter warplane warship woman women worker worshiper worshipper
"""
TYPE_BY_PHRASE = {
    "riot police": "group",
    "armed police": "group",
    "security forces": "group",
    "government forces": "group",
    "regime forces": "group",
    "opposition forces": "group",
    "special forces": "group",
    "armed men": "group",
    "boat people": "group",
    "displaced people": "group",
    "indigenous people": "group",
    "ethnic minority": "group",
    "ethnic minorities": "group",
    "ethnic group": "group",
    "ethnic groups": "group",
    "civil society": "group",
    "clergy": "group",
    "personnel": "group",
    "police personnel": "group",
    "military personnel": "group",
    "medical personnel": "group",
    "security personnel": "group",
    "intelligence community": "organization",
    "house speaker": "group",
}


def phrase_head(words):
    head = len(words) - 1
    for i, w in enumerate(words):
        if w in HEAD_PREPOSITIONS and i > 0:
            head = i - 1
            break
    if (
        head == len(words) - 1
        and len(words) > 1
        and words[-1] == "general"
        and words[-2] in POSTPOSITIVE_GENERAL
    ):
        head -= 1
    return words[head]


def singulars(word):
    yield word
    if word.endswith("ies"):
        yield word[:-3] + "y"
    if word.endswith("men"):
        yield word[:-3] + "man"
    if word.endswith("es"):
        yield word[:-2]
    if word.endswith("s"):
        yield word[:-1]


def agent_type(phrase):
    if phrase in TYPE_BY_PHRASE:
        return TYPE_BY_PHRASE[phrase]
    head = phrase_head(phrase.split())
    org = set(ORGANIZATION_HEADS.split())
    grp = set(GROUP_HEADS.split())
    assert not org & grp, "a head word in both lists: %s" % sorted(org & grp)
    for w in singulars(head):
        if w in org:
            return "organization"
        if w in grp:
            return "group"
    return None


# ============================================================================================
# Agents: building the rows
# ============================================================================================


def drop_set():
    out = {}
    for reason, text in DROP.items():
        for p in text.split("|"):
            p = " ".join(p.split())
            if p:
                out[p] = reason
    return out


def minister_portfolio_kept(base):
    """For phrases made from !MINIST! or a MINIST stem: is this a form news uses?

    "X minister(s)" and "X ministry/ministries" for a portfolio in PORTFOLIOS_BEFORE;
    "minister of X" and "ministry of X" (singular) for one in PORTFOLIOS_AFTER; "minister for X"
    for one in PORTFOLIOS_FOR. Other forms ("ministries for energy") are not news English.
    """
    w = base.split()
    idx = [i for i, x in enumerate(w) if x in OFFICE_WORDS]
    if len(idx) != 1:
        return False
    i = idx[0]
    before = " ".join(w[:i])
    after = w[i + 1 :]
    if before and after:
        return False
    if not after:
        return before in PORTFOLIOS_BEFORE
    portfolio = " ".join(after[1:])
    if after[0] == "of":
        return w[i] in ("minister", "ministry") and portfolio in PORTFOLIOS_AFTER
    if after[0] == "for":
        return w[i] == "minister" and portfolio in PORTFOLIOS_FOR
    return False


def derive_agents(src_dir, warnings, log):
    entries = read_agent_dictionary(os.path.join(src_dir, AGENTS_IN), warnings)
    drops = drop_set()
    used_drops = set()
    codes = {}  # phrase -> (code, line)
    for e in entries:
        if e.base in drops:
            used_drops.add(e.base)
            continue
        if "minist" in e.note.lower() and not minister_portfolio_kept(e.base):
            continue
        if e.note == "!PERSON!" and e.base.endswith("person") and e.base not in PERSON_FORMS_KEPT:
            continue
        plurals = e.plurals
        words = e.base.split()
        if (
            not e.explicit
            and any(w in HEAD_PREPOSITIONS for w in words[1:])
            and phrase_head(words) not in PLURAL_OF_PHRASE_HEADS
        ):
            plurals = []  # "departments of defense", "houses of commons": not in use
        if e.base in PLURAL_FIXES:
            plurals = PLURAL_FIXES[e.base]
        forms = [e.base] + plurals
        for f in forms:
            if f in DROP_FORMS:
                continue
            if len(f.split()) > MAX_WORDS:
                continue
            if not re.fullmatch(r"[a-z][a-z' -]*[a-z]", f):
                continue
            if f.split()[-1] in HEAD_PREPOSITIONS | {"the", "and", "a"}:
                continue
            if f in codes:
                if codes[f][0] != e.code:
                    log.append(
                        "%r coded %s (line %d) and %s (line %d): %s kept"
                        % (f, codes[f][0], codes[f][1], e.code, e.line,
                           PREFER.get(f, codes[f][0]))
                    )
                continue
            codes[f] = (e.code, e.line)
    unused = sorted(set(drops) - used_drops)
    if unused:
        raise SystemExit("DROP names phrases not in the source: %s" % ", ".join(unused))
    for table, keys in (("PREFER", PREFER), ("CODE_FIXES", CODE_FIXES)):
        stale = sorted(k for k in keys if k not in codes)
        if stale:
            raise SystemExit("%s names phrases not derived: %s" % (table, ", ".join(stale)))
    stale = sorted(k for k in PLURAL_FIXES if k not in codes)
    if stale:
        raise SystemExit("PLURAL_FIXES names phrases not derived: %s" % ", ".join(stale))
    rows = {}
    for f, (code, _) in codes.items():
        code = PREFER.get(f, code)
        code = CODE_FIXES.get(f, code)
        rows[f] = code
    for phrase, code, *_ in ADD:
        if phrase in rows:
            raise SystemExit("ADD repeats a derived phrase: %r" % phrase)
        rows[phrase] = code
    types = {a[0]: a[2] for a in ADD}
    uses = {a[0]: a[3] for a in ADD if len(a) > 3}
    for phrase in QUALIFIED:
        if phrase not in rows:
            raise SystemExit("QUALIFIED names a phrase not derived: %r" % phrase)
        uses[phrase] = "qualified"
    for phrase in FOREIGN:
        if phrase not in rows:
            raise SystemExit("FOREIGN names a phrase not derived: %r" % phrase)
        uses[phrase] = "foreign"
    out = []
    missing = []
    for phrase, code in rows.items():
        typ = types.get(phrase) or agent_type(phrase)
        if typ is None:
            missing.append(phrase)
            continue
        out.append("%s\t%s\t%s\t%s" % (phrase, code, typ, uses.get(phrase, "")))
    if missing:
        raise SystemExit("no type for: %s" % ", ".join(sorted(missing)))
    return sorted(out, key=lambda s: s.encode("utf-8"))


# ============================================================================================
# International organisations
# ============================================================================================


class IntlEntry:
    """One entry of the Phoenix international file: a primary name, its '+' synonyms, codes."""

    def __init__(self, line, name):
        self.line = line
        self.name = name
        self.synonyms = []
        self.codes = []  # bare codes, date restrictions dropped


def read_international_dictionary(path):
    """Parses the TABARI/PETRARCH actor format: 'NAME_ [CODE date]', '+SYNONYM' lines and
    indented '[CODE]' lines that belong to the entry above. Returns {name: IntlEntry} for every
    primary name and synonym (a name that occurs twice keeps its first entry)."""
    by_name = {}
    cur = None
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            body = line.split("#", 1)[0]
            if not body.strip():
                continue
            codes = [c.split()[0] for c in re.findall(r"\[([^\]]*)\]", body) if c.split()]
            name = re.sub(r"\[[^\]]*\]", "", body).strip()
            if not name:
                if cur is not None:
                    cur.codes += codes
                continue
            if name.startswith("+"):
                if cur is not None:
                    cur.synonyms.append(name[1:].strip())
                    cur.codes += codes
                    by_name.setdefault(name[1:].strip(), cur)
                continue
            cur = IntlEntry(n, name)
            cur.codes += codes
            by_name.setdefault(name, cur)
    return by_name


# Words kept in capitals when a Phoenix ALL_CAPS name is converted.
ACRONYMS = {
    "UN", "U.N.", "EU", "NATO", "OPEC", "UNICEF", "UNESCO", "UNHCR", "WFP", "WHO", "IAEA",
    "ILO", "FAO", "IMF", "WTO", "ICJ", "ICC", "ICRC", "OHCHR", "UNDP", "IPCC", "OPCW", "OECD",
    "EBRD", "ECOWAS", "SADC", "IGAD", "OIC", "ASEAN", "SCO", "SAARC", "CIS", "OAS", "MSF", "WWF",
    "CPJ", "FIDH", "ICAO", "ITU", "IEA", "BIS", "IPU", "UNSC", "UNWTO", "UNASUR", "CARE",
    "AUPSC",
}
SMALL_WORDS = {"of", "the", "and", "for", "on", "in", "to", "at", "de", "des", "du", "la", "le"}


def nice_word(word, first):
    core = word.strip(",")
    if core in ACRONYMS:
        return word
    low = word.lower()
    if not first and low.strip(",") in SMALL_WORDS:
        return low
    parts = low.split("-")
    if parts[0] == "co":  # co-operation
        return "Co-" + "-".join(parts[1:])
    return "-".join(p[:1].upper() + p[1:] for p in parts)


# Phoenix writes some hyphens as '_'.
HYPHENATED = {
    "INTER_PARLIAMENTARY": "INTER-PARLIAMENTARY",
    "INTER_AMERICAN": "INTER-AMERICAN",
    "NON_ALIGNED": "NON-ALIGNED",
    "SEVENTY_SEVEN": "SEVENTY-SEVEN",
}


def nice_name(phoenix_name):
    """UNITED_NATIONS_CHILDREN'S_FUND_ -> United Nations Children's Fund."""
    for a, b in HYPHENATED.items():
        phoenix_name = phoenix_name.replace(a, b)
    words = phoenix_name.replace("_", " ").split()
    if words and words[0] == "THE" and len(words) > 1:
        words = words[1:]
    return " ".join(nice_word(w, i == 0) for i, w in enumerate(words))


# The organisations kept: (code, name, Phoenix names, other aliases, seats).
#   code:  None to take the first code of the first Phoenix name's entry; a code given for a
#          row with Phoenix names must be one of the codes those entries carry (a choice among
#          Phoenix's codes for the organisation); rows without Phoenix names are additions.
#   name:  None to convert the first Phoenix name.
#   Phoenix names become aliases after conversion (the name itself and repeats are skipped);
#          one written "code:NAME" only supports the code.
IGOS = [
    # ---- the United Nations and its bodies
    (None, "United Nations", ["UNITED_NATIONS_", "UN_", "U.N."], [], []),
    (None, "UN Security Council",
     ["UN_SECURITY_COUNCIL_", "U.N._SECURITY_COUNCIL", "UNSC_", "SECURITY_COUNCIL"],
     ["United Nations Security Council"], []),
    (None, "UN General Assembly", ["UN_GENERAL_ASSEMBLY_"],
     ["U.N. General Assembly", "United Nations General Assembly", "General Assembly", "UNGA"],
     []),
    # addition: Phoenix codes the council's rapporteurs IGOUNO, UN human rights bodies IGOUNOHRI
    ("IGOUNOHRI", "UN Human Rights Council", [],
     ["U.N. Human Rights Council", "United Nations Human Rights Council", "Human Rights Council",
      "UNHRC"], []),
    (None, "Office of the UN High Commissioner for Human Rights", ["OHCHR_"],
     ["UN human rights office", "U.N. human rights office",
      "UN High Commissioner for Human Rights"], []),
    (None, "UN High Commissioner for Refugees", ["UNHCR_", "UN_HIGH_COMMISSION_FOR_REFUGEES_"],
     ["United Nations High Commissioner for Refugees", "UN refugee agency",
      "U.N. refugee agency", "Unhcr"], []),
    (None, "United Nations Children's Fund", ["UNITED_NATIONS_CHILDREN'S_FUND_", "UNICEF_"],
     ["UN Children's Fund", "Unicef"], []),
    (None, "World Food Programme", ["WORLD_FOOD_PROGRAMME", "WFP_", "WORLD_FOOD_PROGRAM_"],
     ["UN World Food Programme"], []),
    (None, "World Health Organization", ["WORLD_HEALTH_ORGANIZATION_"],
     ["WHO", "World Health Organisation"], []),
    (None, "International Atomic Energy Agency", ["INTERNATIONAL_ATOMIC_ENERGY_AGENCY_", "IAEA_"],
     ["UN nuclear watchdog", "U.N. nuclear watchdog"], []),
    (None, "United Nations Educational, Scientific and Cultural Organization",
     ["UNITED_NATIONS_EDUCATIONAL,_SCIENTIFIC_AND_CULTURAL_ORGANIZATION_", "UNESCO_"],
     ["Unesco"], []),
    (None, "International Labour Organization",
     ["INTERNATIONAL_LABOUR_ORGANIZATION_", "INTERNATIONAL_LABOR_ORGANIZATION_"],
     ["ILO", "International Labour Organisation"], []),
    # Phoenix also has FOOD_AND_AGRICULTURE_ORGANIZATION_ [IGOAGR]; the UN-agency code is kept
    ("IGOUNOAGRFAO", "Food and Agriculture Organization",
     ["UNITED_NATIONS_FOOD_AND_AGRICULTURE_ORGANIZATION_", "FOOD_AND_AGRICULTURE_ORGANIZATION_"],
     ["FAO", "UN Food and Agriculture Organization"], []),
    (None, "United Nations Development Programme", ["UNDP_"],
     ["UN Development Programme"], []),
    (None, "Intergovernmental Panel on Climate Change",
     ["INTERGOVERNMENTAL_PANEL_ON_CLIMATE_CHANGE_", "IPCC"], [], []),
    (None, "International Court of Justice", ["INTERNATIONAL_COURT_OF_JUSTICE_", "ICJ_"],
     ["World Court"], []),
    (None, "International Civil Aviation Organization",
     ["INTERNATIONAL_CIVIL_AVIATION_ORGANIZATION_"], ["ICAO"], []),
    (None, "International Telecommunication Union", ["INTERNATIONAL_TELECOMMUNICATIONS_UNION_"],
     ["ITU"], []),
    (None, "World Tourism Organization", ["WORLD_TOURISM_ORGANIZATION_"], ["UNWTO"], []),
    (None, "International Maritime Organization", ["INTERNATIONAL_MARITIME_ORGANIZATION_"], [],
     []),
    # additions, coded like Phoenix's UN agencies: IGOUNO + the sector
    ("IGOUNOREF", "United Nations Relief and Works Agency", [],
     ["UNRWA", "UN Relief and Works Agency", "U.N. Relief and Works Agency"], []),
    ("IGOUNOREF", "International Organization for Migration", [],
     ["IOM", "UN migration agency"], []),
    ("IGOUNOENV", "United Nations Environment Programme", [],
     ["UNEP", "UN Environment Programme"], []),
    ("IGOUNOHLH", "United Nations Population Fund", [], ["UNFPA", "UN Population Fund"], []),
    ("IGOUNO", "UN Office for the Coordination of Humanitarian Affairs", [],
     ["OCHA", "UN humanitarian office"], []),
    # additions: UN peacekeeping and political missions, coded as the UN itself
    ("IGOUNO", "United Nations Interim Force in Lebanon", [], ["UNIFIL"], []),
    ("IGOUNO", "United Nations Organization Stabilization Mission in the Democratic Republic "
     "of the Congo", [], ["MONUSCO"], []),
    ("IGOUNO", "United Nations Mission in South Sudan", [], ["UNMISS"], []),
    ("IGOUNO", "United Nations Multidimensional Integrated Stabilization Mission in the "
     "Central African Republic", [], ["MINUSCA"], []),
    ("IGOUNO", "United Nations Multidimensional Integrated Stabilization Mission in Mali", [],
     ["MINUSMA"], []),
    ("IGOUNO", "United Nations Assistance Mission in Afghanistan", [], ["UNAMA"], []),
    ("IGOUNO", "United Nations Support Mission in Libya", [], ["UNSMIL"], []),
    ("IGOUNO", "United Nations Peacekeeping Force in Cyprus", [], ["UNFICYP"], []),
    ("IGOUNO", "United Nations Interim Administration Mission in Kosovo", [], ["UNMIK"], []),
    ("IGOUNO", "United Nations Disengagement Observer Force", [], ["UNDOF"], []),
    # ---- the Bretton Woods institutions and trade
    (None, "International Monetary Fund", ["INTERNATIONAL_MONETARY_FUND", "IMF_"], [], []),
    (None, "World Bank", ["WORLD_BANK_", "WORLD_BANK_GROUP"], [], []),
    # addition: Phoenix codes WTO directors-general IGOBUSWTO
    ("IGOBUSWTO", "World Trade Organization", [], ["WTO", "World Trade Organisation"], []),
    (None, "Bank for International Settlements", ["BANK_FOR_INTERNATIONAL_SETTLEMENTS_"], ["BIS"],
     []),
    (None, "International Energy Agency", ["INTERNATIONAL_ENERGY_AGENCY_"], ["IEA"], []),
    (None, "Organisation for Economic Co-operation and Development",
     ["ORGANIZATION_FOR_ECONOMIC_COOPERATION_AND_DEVELOPMENT_",
      "ORGANISATION_FOR_ECONOMIC_COOPERATION_AND_DEVELOPMENT_"], ["OECD"], []),
    (None, "Group of Seven", ["GROUP_OF_SEVEN_"], ["G7", "G-7"], []),
    # Phoenix: GROUP_OF_EIGHT_ [IGOBUSGOE] with +G_8_ [IGOGOE]; the first is kept
    ("IGOBUSGOE", "Group of Eight", ["GROUP_OF_EIGHT_"], ["G8", "G-8"], []),
    # additions, coded like Phoenix's G8 and G77 (IGOBUS...): no code of their own in CAMEO
    ("IGOBUS", "Group of 20", [], ["G20", "G-20", "Group of Twenty"], []),
    ("IGOBUS", "BRICS", [], [], []),
    (None, "Group of 77", ["GROUP_OF_SEVENTY_SEVEN_"], ["G77", "G-77"], []),
    (None, "Non-Aligned Movement", ["ORGANIZATION_OF_NON_ALIGNED_COUNTRIES_"], [], []),
    # ---- Europe
    (None, "European Union", ["EUROPEAN_UNION", "THE_EU_"], ["E.U."], ["Brussels"]),
    (None, "European Commission", ["EUROPEAN_COMMISSION_"], ["EU Commission"], ["Berlaymont"]),
    (None, "European Parliament", ["EUROPEAN_PARLIAMENT_"], ["EU Parliament"], []),
    # additions: Phoenix codes EU institutions and their heads IGOEUREEC (Wim Duisenberg, the
    # ECB's first president, included)
    ("IGOEUREEC", "European Council", [], [], []),
    ("IGOEUREEC", "Council of the European Union", [], ["Council of the EU", "EU Council"], []),
    ("IGOEUREEC", "European Central Bank", [], ["ECB"], ["Frankfurt"]),
    (None, "Council of Europe", ["COUNCIL_OF_EUROPE_"], [], []),
    # addition: a Council of Europe court, coded as its parent
    ("IGOEURCOE", "European Court of Human Rights", [], ["ECHR"], []),
    (None, "European Bank for Reconstruction and Development",
     ["EUROPEAN_BANK_FOR_RECONSTRUCTION_AND_DEVELOPMENT_"], ["EBRD"], []),
    # Phoenix gives the OSCE's names [IGO] but its Conference/Council name [IGOEURSCE] and its
    # officers [IGOEUR]: the most specific code is kept
    ("IGOEURSCE", "Organization for Security and Co-operation in Europe",
     ["code:COUNCIL_OF_SECURITY_AND_COOPERATION_IN_EUROPE_",
      "ORGANIZATION_FOR_SECURITY_AND_CO-OPERATION_IN_EUROPE_",
      "ORGANIZATION_FOR_SECURITY_AND_COOPERATION_IN_EUROPE_",
      "ORGANISATION_FOR_SECURITY_AND_CO-OPERATION_IN_EUROPE_"], ["OSCE"], []),
    (None, "North Atlantic Treaty Organization", ["NATO_", "NORTH_ATLANTIC_TREATY_ORGANIZATION_"],
     ["Nato"], []),
    (None, "Commonwealth of Independent States", ["COMMONWEALTH_OF_INDEPENDENT_STATES_"], ["CIS"],
     []),
    # ---- Africa and the Middle East
    # addition: Phoenix codes AU bodies (AUPSC_) and chairpersons IGOAFRAFU
    ("IGOAFRAFU", "African Union", ["code:AUPSC_"], ["AU"], []),
    # addition: the AU's executive, as its chairperson is coded
    ("IGOAFRAFU", "African Union Commission", [], ["AU Commission"], []),
    # Phoenix: the full name [IGOWAFWAS], ECOWAS_ [IGOWAFBUSWAS]; the full name's code is kept
    ("IGOWAFWAS", "Economic Community of West African States",
     ["ECONOMIC_COMMUNITY_OF_WEST_AFRICAN_STATES_", "ECOWAS_"], ["Ecowas"], []),
    # Phoenix: the full name [IGOSAFDEVSAD], SADC_ [IGOSAFSAD]
    ("IGOSAFDEVSAD", "Southern African Development Community",
     ["SOUTHERN_AFRICAN_DEVELOPMENT_COMMUNITY_", "SADC_"], [], []),
    # Phoenix: the full name [IGOEAFDEVIAD], IGAD_ [IGODEVIAD]
    ("IGOEAFDEVIAD", "Intergovernmental Authority on Development",
     ["INTERGOVERNMENTAL_AUTHORITY_ON_DEVELOPMENT_", "IGAD_"], [], []),
    (None, "East African Community", ["EAST_AFRICAN_COMMUNITY_"], ["EAC"], []),
    (None, "Economic Community of Central African States",
     ["ECONOMIC_COMMUNITY_OF_CENTRAL_AFRICAN_STATES_"], ["ECCAS"], []),
    (None, "African Development Bank", ["AFRICAN_DEVELOPMENT_BANK_"], ["AfDB"], []),
    (None, "Arab League", ["ARAB_LEAGUE_"], ["League of Arab States"], []),
    (None, "Arab Maghreb Union", ["ARAB_MAGHREB_UNION_"], [], []),
    # addition: Phoenix codes the GCC's secretary-general IGOPGSGCC
    ("IGOPGSGCC", "Gulf Cooperation Council", [], ["GCC", "Gulf Co-operation Council"], []),
    # Phoenix: OIC_ and ORGANIZATION_OF_ISLAMIC_CONFERENCES_ [IGOMOSOIC],
    # ORGANIZATION_OF_THE_ISLAMIC_CONFERENCE_ [IGOMOS]; renamed in 2011
    ("IGOMOSOIC", "Organisation of Islamic Cooperation",
     ["OIC_", "ORGANIZATION_OF_THE_ISLAMIC_CONFERENCE_"],
     ["Organization of Islamic Cooperation", "Organisation of the Islamic Conference"], []),
    (None, "Organization of the Petroleum Exporting Countries",
     ["ORGANIZATION_OF_PETROLEUM_EXPORTING_COUNTRIES_", "OPEC"], ["Opec"], []),
    (None, "Islamic Development Bank", ["ISLAMIC_DEVELOPMENT_BANK_"], ["IsDB"], []),
    # ---- Asia and the Pacific
    (None, "Association of Southeast Asian Nations",
     ["ASSOCIATION_OF_SOUTHEAST_ASIAN_NATIONS_", "ASEAN_",
      "ASSOCIATION_OF_SOUTH_EAST_ASIAN_NATIONS_"], ["Asean"], []),
    # addition, coded like Phoenix's Asian economic groupings (BIMSTEC_, ECO: IGOASABUS)
    ("IGOASABUS", "Asia-Pacific Economic Cooperation", [], ["APEC", "Apec"], []),
    (None, "Shanghai Cooperation Organisation", ["SHANGHAI_COOPERATION_ORGANIZATION_"], ["SCO"],
     []),
    (None, "South Asian Association for Regional Cooperation", ["SAARC_"], [], []),
    (None, "Asian Development Bank", ["ASIAN_DEVELOPMENT_BANK_"], ["ADB"], []),
    # ---- the Americas
    (None, "Organization of American States", ["ORGANIZATION_OF_AMERICAN_STATES_", "OAS"], [], []),
    # additions, coded like Phoenix's Latin American bodies (IGOSAM, IGOLAM) and its regional
    # trade areas (SAFTA_: IGOSASBUS)
    ("IGOSAMBUS", "Mercosur", [], ["MERCOSUR", "Mercosul", "Southern Common Market"], []),
    ("IGOLAM", "Community of Latin American and Caribbean States", [], ["CELAC", "Celac"], []),
    ("IGOLAM", "Lima Group", [], [], []),
    (None, "Union of South American Nations", ["UNION_OF_SOUTH_AMERICAN_NATIONS_"],
     ["UNASUR", "Unasur"], []),
    (None, "Andean Community", ["ANDEAN_COMMUNITY_"], [], []),
    (None, "Caribbean Community", ["CARIBBEAN_COMMUNITY_"], ["CARICOM", "Caricom"], []),
    (None, "Inter-American Development Bank", ["INTER_AMERICAN_DEVELOPMENT_BANK_"], ["IDB"], []),
    # ---- other intergovernmental bodies
    (None, "Commonwealth of Nations", ["COMMONWEALTH_OF_NATIONS_"], ["Commonwealth"], []),
    (None, "La Francophonie", ["LA_FRANCOPHONIE_"],
     ["Francophonie", "International Organisation of La Francophonie"], []),
    (None, "International Criminal Court", ["ICC_"], [], []),
    (None, "Interpol", ["INTERPOL", "INTERNATIONAL_CRIMINAL_POLICE_ORGANIZATION_"], ["INTERPOL"],
     []),
    # Phoenix: the full name [IGOLEGIPU], IPU_ [IGOIPU]
    ("IGOLEGIPU", "Inter-Parliamentary Union", ["INTER_PARLIAMENTARY_UNION_", "IPU_"], [], []),
    (None, "Organisation for the Prohibition of Chemical Weapons",
     ["ORGANISATION_FOR_THE_PROHIBITION_OF_CHEMICAL_WEAPONS",
      "ORGANIZATION_FOR_THE_PROHIBITION_OF_CHEMICAL_WEAPONS", "OPCW"], [], []),
    # ---- non-governmental organisations
    (None, "International Committee of the Red Cross",
     ["INTERNATIONAL_COMMITTEE_OF_THE_RED_CROSS_", "ICRC_"], [], []),
    (None, "International Federation of Red Cross and Red Crescent Societies",
     ["INTERNATIONAL_FEDERATION_OF_RED_CROSS_AND_RED_CRESCENT_"], ["IFRC"], []),
    (None, "Red Cross", ["RED_CROSS_"], [], []),
    (None, "Red Crescent", ["RED_CRESCENT_"], [], []),
    (None, "Amnesty International", ["AMNESTY_INTERNATIONAL_"], ["Amnesty"], []),
    (None, "Human Rights Watch", ["HUMAN_RIGHTS_WATCH"], ["HRW"], []),
    (None, "Médecins Sans Frontières",
     ["MEDECINS_SANS_FRONTIERES_", "MSF_", "DOCTORS_WITHOUT_BORDERS_"], [], []),
    (None, "Oxfam", ["OXFAM_"], ["Oxfam International"], []),
    (None, "Save the Children", ["SAVE_THE_CHILDREN_INTERNATIONAL_"], [], []),
    (None, "Greenpeace", ["GREENPEACE_"], [], []),
    (None, "Transparency International", ["TRANSPARENCY_INTERNATIONAL_"], [], []),
    # Phoenix: the English name [NGOHRIMED], the French one [NGOHRI]
    ("NGOHRIMED", "Reporters Without Borders",
     ["REPORTERS_WITHOUT_BORDERS_", "REPORTERS_SANS_FRONTIERES_"],
     ["RSF", "Reporters Sans Frontières"], []),
    (None, "Committee to Protect Journalists", ["COMMITTEE_TO_PROTECT_JOURNALISTS_"], ["CPJ"], []),
    (None, "International Crisis Group", ["INTERNATIONAL_CRISIS_GROUP_"], ["Crisis Group"], []),
    (None, "World Economic Forum", ["WORLD_ECONOMIC_FORUM_"], ["WEF"], ["Davos"]),
    (None, "World Wide Fund for Nature", ["WWF_", "WORLD_WILDLIFE_FUND_"], [], []),
    (None, "Caritas Internationalis", ["CARITAS_INTERNATIONALIS_", "CARITAS_"], [], []),
    (None, "World Vision", ["WORLD_VISION_"], [], []),
    (None, "CARE International", ["CARE_INTERNATIONAL_"], ["CARE"], []),
    (None, "International Rescue Committee", ["INTERNATIONAL_RESCUE_COMMITTEE_"], ["IRC"], []),
    (None, "Norwegian Refugee Council", ["NORWEGIAN_REFUGEE_COUNCIL_"], ["NRC"], []),
    (None, "Islamic Relief", ["ISLAMIC_RELIEF_"], [], []),
    (None, "Freedom House", ["FREEDOM_HOUSE_"], [], []),
    (None, "International Federation for Human Rights", ["FIDH_"], [], []),
    (None, "Physicians for Human Rights", ["PHYSICIANS_FOR_HUMAN_RIGHTS_"], [], []),
    (None, "Human Rights First", ["HUMAN_RIGHTS_FIRST_"], [], []),
    (None, "Action Against Hunger", ["ACTION_AGAINST_HUNGER_"], [], []),
]


def derive_igos(src_dir, log):
    entries = read_international_dictionary(os.path.join(src_dir, INTL_IN))
    out = []
    for code, name, srcs, extra, seats in IGOS:
        found = []
        alias_srcs = [s for s in srcs if not s.startswith("code:")]
        srcs = [s[len("code:"):] if s.startswith("code:") else s for s in srcs]
        for s in srcs:
            if s not in entries:
                raise SystemExit("IGOS: %r is not a name in %s" % (s, INTL_IN))
            found.append(entries[s])
        if srcs:
            first = found[0]
            if not first.codes:
                raise SystemExit("IGOS: %r has no code in %s" % (srcs[0], INTL_IN))
            all_codes = [c for e in found for c in e.codes]
            if code is None:
                code = first.codes[0]
            elif code not in all_codes:
                raise SystemExit("IGOS: %s is not among Phoenix's codes %s for %s"
                                 % (code, all_codes, srcs))
            distinct = sorted(set(all_codes))
            if len(distinct) > 1:
                log.append("%s: Phoenix codes %s; %s kept" % (name or srcs[0], distinct, code))
        elif code is None:
            raise SystemExit("IGOS: an addition needs a code: %r" % name)
        if name is None:
            name = nice_name(alias_srcs[0])
        aliases = []
        for a in [nice_name(s) for s in alias_srcs] + list(extra):
            if a != name and a not in aliases:
                aliases.append(a)
        out.append("\t".join([code, name, "|".join(aliases), "|".join(seats)]))
    return sorted(out, key=lambda s: s.encode("utf-8"))


# ============================================================================================
# Main
# ============================================================================================


def write_tsv(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        for row in rows:
            f.write(row + "\n")


def main(argv):
    if len(argv) != 2 or not os.path.isdir(argv[1]):
        sys.stderr.write("usage: python3 scripts/derive_cameo_actors.py ../shared/data/cameo\n")
        return 2
    src_dir = argv[1]
    warnings, log = [], []
    agents = derive_agents(src_dir, warnings, log)
    igos = derive_igos(src_dir, log)
    write_tsv(AGENTS_OUT, AGENTS_HEADER, agents)
    write_tsv(IGOS_OUT, IGOS_HEADER, igos)
    for w in warnings:
        sys.stderr.write("source: %s\n" % w)
    for line in log:
        sys.stderr.write("choice: %s\n" % line)
    sys.stderr.write("wrote %s (%d rows) and %s (%d rows)\n"
                     % (AGENTS_OUT, len(agents), IGOS_OUT, len(igos)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
