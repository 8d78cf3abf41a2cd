#!/usr/bin/env python3
"""Writes docs/schemas/<kind>.schema.json, one JSON Schema (draft-07) per Tacet document kind.

The shared pieces (metadata, citations, levels, conditions, ...) are defined once here and copied into
each kind's schema, so every file stands alone for editors (yaml-language-server) and for Tacet's own
validator. Run it after changing a decoder; `swift test` fails while a schema and its decoder disagree
(Tests/TacetDocumentsTests/DocumentSchemaTests.swift).
"""
import json
import pathlib

ID = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
      "description": "Lower-case letters, digits and single hyphens."}
TEXT = {"type": "string"}
TEXTS = {"type": "array", "items": {"type": "string"}}
# A list that is a set (data classes, ids referred to): the decoders refuse a repeated value.
TEXT_SET = {"type": "array", "items": {"type": "string"}, "uniqueItems": True}
NUMBER = {"type": "number"}
INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}


def ref(name):
    return {"$ref": "#/definitions/" + name}


def array(items, **extra):
    return {"type": "array", "items": items, **extra}


def obj(description, required, properties, **extra):
    return {"type": "object", "description": description, "additionalProperties": False,
            "required": required, "properties": properties, **extra}


def described(schema, description):
    return {**schema, "description": description}


# A policy is a layer (it extends another, and its tasks state only what they change) or a base policy
# (every task whole); the decoders judge the same (TaskStatement.missingKeys).
POLICY_ANY_OF = [
    {"description": "A layer: it extends another policy, so its tasks may state only what they change.",
     "required": ["extends"], "properties": {"extends": {"minItems": 1}}},
    {"description": "A base policy: every task whole, with title, area and maxAI, and any review with role and minLevel.",
     "properties": {"tasks": {"items": {"required": ["title", "area", "maxAI"],
                                        "properties": {"requires": {"properties": {"review": {"required": ["role", "minLevel"]}}}}}}}},
]


def data_classes():
    return array(ref("dataClass"), uniqueItems=True)


METADATA = {"name": ref("id"), "title": TEXT, "version": TEXT, "description": TEXT, "team": TEXT, "owner": TEXT}


DEFINITIONS = {
    "id": ID,
    "date": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "A calendar date, YYYY-MM-DD."},
    "quarter": {"type": "string", "pattern": "^[0-9]{4}-Q[1-4]$", "description": "A calendar quarter, YYYY-Qn."},
    "aiUseLevel": {"enum": ["human-only", "ai-assisted", "ai-drafted", "ai-delegated"],
                   "description": "The AI-use scale, lowest first."},
    "competencyLevel": {"enum": ["emerging", "developing", "proficient", "advanced"],
                        "description": "The framework's levels, lowest first."},
    "dataClass": {"enum": ["none", "deidentified", "phi"]},
    "severity": {"enum": ["error", "warning", "info"]},
    "documentKind": {"enum": ["Framework", "Policy", "Workflow", "Therapist", "Catalog", "Requirements", "LearningPlan",
                              "PolicyTest", "Plugin", "Exception", "Project"]},
    "metadata": obj("The document's name and who owns it.", ["name"], METADATA),
    "pluginMetadata": obj("The plugin's name (its folder's) and semantic version.", ["name", "version"], {
        **METADATA, "version": {"type": "string", "pattern": r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)([-+].*)?$",
                                "description": "MAJOR.MINOR.PATCH, e.g. 1.0.0"}}),
    "citation": obj("A source that tasks, rules and areas cite by id. assumption: true marks an editable assumption, "
                    "not a checked source.", ["id", "title", "source"], {
        "id": ref("id"), "title": TEXT, "source": TEXT, "section": TEXT, "statement": TEXT, "assumption": BOOLEAN}),
    "condition": {
        "description": "exactly one of all, any, not, or a test of a fact with an operator and a value",
        "oneOf": [
            obj("All of the conditions hold.", ["all"], {"all": array(ref("condition"))}),
            obj("Any of the conditions holds.", ["any"], {"any": array(ref("condition"))}),
            obj("The condition does not hold.", ["not"], {"not": ref("condition")}),
            obj("A test of one fact.", ["fact", "operator"], {
                "fact": TEXT,
                "operator": {"enum": ["equals", "notEquals", "in", "notIn", "contains", "exists", "atLeast", "atMost",
                                      "matches"]},
                "value": {"description": "What the fact is compared with; any YAML value."}},
                # Every operator but exists needs a value.
                anyOf=[{"properties": {"operator": {"const": "exists"}}}, {"required": ["value"]}]),
        ]},
    "categoryCredits": obj("Credits in one category, or in one topic within it (minimums only).", ["category", "credits"], {
        "category": TEXT, "credits": NUMBER,
        "topic": described(TEXT, "Counts only the category's credits from courses and entries with this topic, e.g. ethics."),
    }),
}

KINDS = {
    "Policy": ("AI-use policy: tasks, approved tools, rules and citations; extends layers it tightens.", [], {
        "extends": TEXT_SET,
        "tasks": array(obj("A therapy task: how far AI may go in it and what that requires. A layer (a policy with "
                           "extends) states only the fields it changes; the rest is inherited, and its cite adds to the base's.",
                           ["id"], {
            "id": ref("id"), "title": TEXT, "area": TEXT, "maxAI": ref("aiUseLevel"), "rationale": TEXT,
            "clientTitle": described(TEXT, "The task's name in the client AI notice (tacet notice), in words a client understands."),
            "clientDescription": described(TEXT, "What AI does in the task, for the client AI notice, in words a client understands."),
            "requires": obj("What AI use in the task requires.", [], {
                "consent": BOOLEAN, "disclosure": BOOLEAN, "data": data_classes(), "training": TEXT_SET,
                "review": {**obj("Review by a person of this role at this level or above. A layer may state only the parts "
                                 "it changes.", [], {"role": TEXT, "minLevel": ref("competencyLevel"), "area": TEXT}),
                           "type": ["object", "null"]}}),
            "clinical": BOOLEAN, "classifies": TEXT_SET, "cite": TEXT_SET})),
        "tools": array(obj("An approved AI tool.", ["id", "data", "baa"], {
            "id": ref("id"), "title": TEXT,
            "clientName": described(TEXT, "What the client AI notice calls the tool, in words a client understands."),
            "data": data_classes(), "baa": BOOLEAN,
            "terms": obj("The vendor's terms as the clinic's contract states them; the tool.trainsOnClientData, tool.retention, "
                         "tool.deletion and tool.dataLocation facts are absent without them.", ["trainsOnClientData"], {
                "trainsOnClientData": described(BOOLEAN, "Whether the vendor trains (or improves) its models on data sent to the tool."),
                "retention": described(TEXT, "How long the vendor keeps what is sent, in the contract's words."),
                "deletion": described(TEXT, "How the vendor deletes what is sent, in the contract's words."),
                "dataLocation": described(TEXT, "Where the vendor holds the data, in the contract's words."),
                "cite": TEXT_SET})})),
        "rules": array(obj("A rule: when its condition holds for a step, it reports a finding.",
                           ["id", "severity", "when", "message"], {
            "id": ref("id"), "severity": ref("severity"), "when": ref("condition"), "message": TEXT, "hint": TEXT,
            "statement": {"type": "string", "description": "The rule itself in plain words, which tacet handbook shows as its "
                                                           "heading; message describes a breach of it."},
            "at": TEXT, "cite": TEXT_SET})),
        "citations": array(ref("citation")),
        "notice": {k: v for k, v in obj(
            "What the client AI notice and consent form (tacet notice) says and needs signed; a layer states only what it "
            "changes, and cannot drop a signature its base asks for.", [], {
                "contact": described(TEXT, "Whom a client asks about AI in their care, as the form names them."),
                "rights": described(TEXT, "The clients' rights the form states, in the clinic's plain words."),
                "refuse": described(TEXT, "What the form promises a client who says no to AI use, in the clinic's plain words."),
                "withdraw": described(TEXT, "How a client takes back their yes, as the form promises it, in the clinic's plain words."),
                "guardian": described(BOOLEAN, "Whether a parent or guardian signs as well as the client."),
                "assent": described(BOOLEAN, "Whether the form has a line for the client's own assent."),
                "cite": described(TEXT_SET, "Citation ids for what the form says."),
            }).items() if k != "required"},
        # Trainees and credentials (issue 18).
        "supervision": obj(
            "The roster roles whose AI use a supervisor reviews whatever the task's own review (interns, students), and the roles "
            "that supervise; absent: no role is supervised. A layer adds supervised roles and may only narrow the supervisors.",
            ["roles", "supervisors"], {
                "roles": described(TEXT_SET, "Supervised roles, as Therapist documents' role."),
                "supervisors": described(TEXT_SET, "Roles that review a supervised person's AI use."),
                "cite": TEXT_SET}),
        "credentials": obj(
            "The credentials the policy recognises, matched against every credential a Therapist profile lists; absent: none, and "
            "the credentialRecognised facts are absent. A layer may only narrow the list.", ["recognised"], {
                "recognised": described(TEXT_SET, "Credential names as profiles write them, e.g. MT-BC."),
                "cite": TEXT_SET}),
    }),
    "Workflow": ("A team's AI-use protocol: the steps it proposes.", ["steps"], {
        "policy": TEXT, "setting": TEXT, "population": TEXT,
        # Who consents and the session format (docs/policy-rules.md); each optional.
        "ageBand": {"enum": ["minors", "adults", "mixed"],
                    "description": "The ages of the clients it serves; the policy says who is a minor."},
        "selfConsent": {**BOOLEAN, "description": "Whether its clients may consent for themselves."},
        "format": {"enum": ["individual", "group"], "description": "One client per session (the default) or a group."},
        "steps": array(obj("One step of the workflow.", ["id", "task", "ai", "performer"], {
            "id": ref("id"), "task": TEXT, "ai": ref("aiUseLevel"), "tool": TEXT, "data": data_classes(),
            "performer": TEXT, "reviewer": TEXT, "consent": BOOLEAN, "disclosure": BOOLEAN, "description": TEXT,
            "clientDescription": described(TEXT, "What the step does, for the client AI notice, in words a client "
                                                 "understands; it wins over the task's clientDescription."),
            # Who consents, session recordings and groups (docs/policy-rules.md); each optional.
            "consentBy": array({"enum": ["client", "guardian"]}, uniqueItems=True,
                               description="Who gave the consent recorded: the client, a guardian or legal representative, or both."),
            "assent": {**BOOLEAN, "description": "Whether the client's own assent is recorded."},
            "groupConsent": {**BOOLEAN, "description": "In a group, whether every member's consent (or their guardian's) is recorded."},
            "memberData": {"enum": ["own", "group"],
                           "description": "In a group, whose data the step sends: the one client's own, or other members' too."},
            "recording": obj("The session recording the step sends to its tool.", ["media"], {
                "media": array({"enum": ["audio", "video"]}, uniqueItems=True, minItems=1),
                "consent": {**BOOLEAN, "description": "Consent to the recording itself, apart from consent to AI use."},
                "retentionDays": {**INTEGER, "minimum": 0, "description": "Days the recording is kept before it is deleted."},
                "analysis": array({"enum": ["transcript", "summary", "affect", "assessment"]}, uniqueItems=True,
                                  description="What the tool derives from the recording.")}),
        })),
    }),
    "Therapist": ("A therapist's profile: credential cycle, levels, targets, completed education, budget.",
                  ["name", "role", "levels"], {
        "name": TEXT, "role": TEXT,
        "credential": obj("A credential and its current cycle; absent for someone who holds none yet (an intern, a student), "
                          "for whom no continuing education is planned.", ["name", "cycleStart", "cycleEnd"], {
            "name": TEXT, "cycleStart": ref("date"), "cycleEnd": ref("date")}),
        "levels": {"type": "object", "description": "Current level by competency area.",
                   "additionalProperties": ref("competencyLevel")},
        "targets": {"type": "object", "description": "Target level by competency area.",
                    "additionalProperties": ref("competencyLevel")},
        "completed": array(obj("Education completed in this cycle: a catalog course, a professional activity of the "
                               "Requirements, or a title for one outside them.",
                               ["date", "credits", "category"], {
            "course": TEXT, "title": TEXT, "activity": TEXT, "date": ref("date"), "credits": NUMBER, "category": TEXT,
            "topics": described(TEXT_SET, "Topics a minimum counts, e.g. ethics; absent: the catalog course's topics.")},
            anyOf=[{"required": ["course"]}, {"required": ["title"]}, {"required": ["activity"]}])),
        "activities": described(TEXT_SET, "The professional activities open to the therapist this cycle, by their ids in the "
                                          "Requirements' activities: the planner plans no other."),
        "budget": obj("What the therapist can spend each year.", ["hoursPerYear", "moneyPerYear"], {
            "hoursPerYear": NUMBER, "moneyPerYear": NUMBER, "currency": TEXT}),
        "workflows": TEXT_SET,
        "credentials": described(TEXT_SET, "Every other credential held (a state licence, NMT, a registration abroad), by name; the "
                                           "policy's recognised credentials are matched against these and credential.name. Absent: "
                                           "credential.name only."),
    }),
    "Catalog": ("Continuing-education courses.", ["courses"], {
        "currency": TEXT,
        "courses": array(obj("A course.", ["id", "title", "provider", "credits", "category", "hours", "cost", "format"], {
            "id": ref("id"), "title": TEXT, "provider": TEXT, "credits": NUMBER, "category": TEXT, "hours": NUMBER,
            "topics": described(TEXT_SET, "Topics a minimum may count within the category, e.g. ethics."),
            "cost": NUMBER, "format": {"enum": ["in-person", "online", "self-paced", "hybrid"]},
            "outcomes": array(obj("The level a course brings an area to, and the level it needs on entry.",
                                  ["area", "level"], {"area": TEXT, "level": ref("competencyLevel"),
                                                      "entry": ref("competencyLevel")})),
            "prerequisites": TEXT_SET, "renewalMonths": INTEGER, "illustrative": BOOLEAN})),
    }),
    "Requirements": ("Recertification rules as data.",
                     ["body", "credential", "cycleYears", "totalCredits", "minutesPerCredit", "categories"], {
        "body": TEXT, "credential": TEXT, "cycleYears": INTEGER, "totalCredits": NUMBER, "minutesPerCredit": INTEGER,
        "carryOver": BOOLEAN, "repeatsEarnCredits": BOOLEAN, "categories": TEXT_SET, "minimums": array(ref("categoryCredits")),
        "caps": array(ref("categoryCredits")), "citations": array(ref("citation")), "cite": TEXT_SET,
        "activities": array(obj("A professional activity the body credits (service, presenting, supervising an intern): "
                                "planned only for a therapist whose profile lists it, once a cycle.",
                                ["id", "title", "category", "credits", "hours"], {
            "id": ref("id"), "title": TEXT, "category": TEXT, "topics": TEXT_SET, "credits": NUMBER,
            "hours": described(NUMBER, "The time it takes, counted against the yearly hours budget."),
            "cost": described(NUMBER, "What it costs (a registration, say); absent: 0."), "cite": TEXT_SET})),
        "audit": obj("How long proof of credits is kept for an audit.", ["keepRecordsMonths"], {
            "random": described(BOOLEAN, "Whether renewals are audited at random; absent: true."),
            "keepRecordsMonths": described(INTEGER, "Months after the cycle's last day for which proof of every credit is kept."),
            "cite": TEXT_SET}),
    }),
    "LearningPlan": ("A continuing-education plan for one therapist over their cycle.",
                     ["therapist", "cycleStart", "cycleEnd", "items"], {
        "therapist": TEXT, "cycleStart": ref("date"), "cycleEnd": ref("date"),
        "items": array(obj("One scheduled course, or professional activity, and why it is there.", ["quarter"], {
            "course": TEXT, "activity": described(TEXT, "A professional activity of the Requirements, instead of a course."),
            "quarter": ref("quarter"), "reasons": TEXTS},
            oneOf=[{"required": ["course"]}, {"required": ["activity"]}])),
    }),
    "PolicyTest": ("Test cases for a policy: inputs and the findings they must produce.", ["policy", "cases"], {
        "policy": TEXT,
        "cases": array(obj("One test case.", ["name", "inputs", "expect"], {
            "name": TEXT, "inputs": TEXTS, "today": ref("date"),
            "expect": array(obj("An expected finding.", ["rule"], {
                "rule": TEXT, "path": TEXT, "file": TEXT, "message": TEXT, "severity": ref("severity")}))})),
    }),
    "Plugin": ("A checker plugin's manifest (Plugins/NAME/plugin.yaml).", ["command", "protocols", "kinds"], {
        "command": array(TEXT, minItems=1), "protocols": array(INTEGER, minItems=1, uniqueItems=True),
        "kinds": array(ref("documentKind"), uniqueItems=True),
        "timeout": {"type": "number", "minimum": 0, "maximum": 600, "description": "Seconds; default 10."},
        "sha256": {"type": "string", "pattern": "^[0-9a-fA-F]{64}$"},
    }),
    "Exception": ("An accepted exception to one rule, for a workflow or step, until it expires.",
                  ["rule", "scope", "justification", "owner", "expires"], {
        "rule": TEXT,
        "scope": obj("Where the exception applies.", ["workflow"], {"workflow": TEXT, "step": TEXT}),
        "justification": TEXT, "owner": TEXT, "expires": ref("date"),
    }),
    "Project": ("A repository's project file, tacet.yaml at its root: the folders it holds (relative to this file), whether "
                "the shipped defaults are loaded, and the defaults of --fail-on and --format.", ["defaults"], {
        "policies": TEXTS, "curricula": TEXTS, "teams": TEXTS, "plugins": TEXTS,
        "defaults": {"enum": ["shipped", "none"],
                     "description": "shipped: load the installed default policy and curricula as well; none: only these folders."},
        "failOn": ref("severity"),
        "format": {"enum": ["text", "json", "sarif", "junit", "github", "markdown"], "description": "check's output format."},
    }),
    "Framework": ("The competency framework: levels, statements, areas, AI-at-Work statements, durable skills.",
                  ["levels", "occupation", "statements"], {
        "levels": array(ref("competencyLevel")),
        "occupation": obj("The occupation the framework describes.", ["soc", "title"], {"soc": TEXT, "title": TEXT}),
        "statements": array(obj("A competency statement.", ["id", "level", "title", "description"], {
            "id": ref("id"), "level": ref("competencyLevel"), "title": TEXT, "description": TEXT})),
        "areas": array(obj("A competency area chaining statements across levels.", ["id", "title", "chain"], {
            "id": ref("id"), "title": TEXT, "rationale": TEXT, "chain": TEXTS, "cite": TEXT_SET})),
        "aiAtWork": array(obj("An AI-at-Work statement.", ["id", "title", "description"], {
            "id": ref("id"), "title": TEXT, "description": TEXT, "evidence": TEXTS, "cite": TEXT_SET})),
        "durableSkills": array(obj("A durable-skill domain.", ["id", "title", "statements"], {
            "id": ref("id"), "title": TEXT, "cite": TEXT_SET,
            "statements": array(obj("A durable-skill statement.", ["id", "title", "description"], {
                "id": TEXT, "title": TEXT, "description": TEXT}))})),
        "onetTasks": array(obj("An O*NET task statement.", ["id", "title"], {"id": ref("id"), "title": TEXT, "cite": TEXT_SET})),
        "citations": array(ref("citation")),
    }),
}


# File names in docs/schemas; the manifest's is distinct from the plugin protocol's message schemas.
FILE_NAMES = {"LearningPlan": "learning-plan", "PolicyTest": "policy-test", "Plugin": "plugin-manifest"}


def references(value, found):
    if isinstance(value, dict):
        target = value.get("$ref")
        if target and target.startswith("#/definitions/"):
            name = target.split("/")[-1]
            if name not in found:
                found.add(name)
                references(DEFINITIONS[name], found)
        for child in value.values():
            references(child, found)
    elif isinstance(value, list):
        for child in value:
            references(child, found)


def schema(kind, description, required, properties):
    # A plugin's metadata needs a version as well as a name.
    metadata = ref("pluginMetadata" if kind == "Plugin" else "metadata")
    body = obj(f"A Tacet {kind} document: {description}", ["apiVersion", "kind", "metadata"] + required, {
        "apiVersion": {"const": "tacet/v1"}, "kind": {"const": kind}, "metadata": metadata, **properties})
    used = set()
    references(body, used)
    if kind == "Policy":
        properties = body.pop("properties")
        body["anyOf"] = POLICY_ANY_OF
        body["properties"] = properties
    return {"$schema": "http://json-schema.org/draft-07/schema#",
            "title": f"Tacet {kind}", **{k: v for k, v in body.items()},
            "definitions": {name: DEFINITIONS[name] for name in sorted(used)}}


def main():
    out = pathlib.Path(__file__).resolve().parent.parent / "docs" / "schemas"
    for kind, (description, required, properties) in KINDS.items():
        path = out / f"{FILE_NAMES.get(kind, kind.lower())}.schema.json"
        path.write_text(json.dumps(schema(kind, description, required, properties), indent=2) + "\n")
        print(f"wrote {path.relative_to(out.parent.parent)}")


if __name__ == "__main__":
    main()
