/// One small valid document of each kind, shared by the tests (and mirrored in the README's tour).
enum Samples {
    static let policy = """
        apiVersion: tacet/v1
        kind: Policy
        metadata: {name: music-therapy-ai-use, version: "2026.11"}
        citations:
          - {id: seed-002-ai-at-work, title: AI-at-Work statements, source: shared/seeds/002_cea132a67b9c553a.txt}
        tools:
          - {id: scribe-pro, baa: true, data: [none, deidentified, phi]}
        tasks:
          - id: progress-note-drafting
            title: Drafting progress notes
            area: documentation
            maxAI: ai-drafted
            requires:
              review: {role: therapist, area: documentation, minLevel: developing}
              consent: true
              disclosure: true
            cite: [seed-002-ai-at-work]
        rules:
          - id: no-phi-without-baa
            severity: error
            when:
              all:
                - {fact: step.data, operator: contains, value: phi}
                - not: {fact: tool.baa, operator: equals, value: true}
            message: PHI goes only to tools under a business associate agreement.
            cite: [seed-002-ai-at-work]

        """

    static let workflow = """
        apiVersion: tacet/v1
        kind: Workflow
        metadata: {name: inpatient-documentation, team: pediatrics}
        steps:
          - id: draft-note
            task: progress-note-drafting
            ai: ai-drafted
            tool: scribe-pro
            data: [phi]
            performer: t-ana
            reviewer: t-ben
            consent: true
            disclosure: true

        """

    static let therapist = """
        apiVersion: tacet/v1
        kind: Therapist
        metadata: {name: t-ana}
        name: Ana Example
        role: music-therapist
        credential: {name: MT-BC, cycleStart: 2024-01-01, cycleEnd: 2028-12-31}
        levels: {documentation: developing, assessment: proficient}
        targets: {documentation: proficient}
        completed:
          - {title: Ethics in telehealth, date: 2025-03-14, credits: 3, category: ethics}
        budget: {hoursPerYear: 30, moneyPerYear: 1200}
        workflows: [inpatient-documentation]

        """

    static let catalog = """
        apiVersion: tacet/v1
        kind: Catalog
        metadata: {name: starter-catalog}
        courses:
          - id: doc-foundations
            title: Documentation foundations
            provider: Example Institute
            credits: 6
            category: clinical
            hours: 5
            cost: 120
            format: online
            outcomes: [{area: documentation, level: developing}]
            illustrative: true
          - id: doc-advanced
            title: Treatment plans across a caseload
            provider: Example Institute
            credits: 8
            category: clinical
            hours: 6.5
            cost: 240
            format: hybrid
            outcomes: [{area: documentation, level: proficient, entry: developing}]
            prerequisites: [doc-foundations]
            renewalMonths: 24

        """

    static let requirements = """
        apiVersion: tacet/v1
        kind: Requirements
        metadata: {name: cbmt-recertification}
        body: Certification Board for Music Therapists
        credential: MT-BC
        cycleYears: 5
        totalCredits: 100
        minutesPerCredit: 50
        carryOver: false
        categories: [ethics, clinical, professional-development]
        minimums: [{category: ethics, credits: 3}]

        """

    static let learningPlan = """
        apiVersion: tacet/v1
        kind: LearningPlan
        metadata: {name: plan-t-ana}
        therapist: t-ana
        cycleStart: 2024-01-01
        cycleEnd: 2028-12-31
        items:
          - {course: doc-foundations, quarter: 2027-Q1, reasons: [closes documentation gap]}

        """

    static let policyTest = """
        apiVersion: tacet/v1
        kind: PolicyTest
        metadata: {name: phi-tests}
        policy: music-therapy-ai-use
        cases:
          - name: PHI to a tool without a BAA
            inputs: [inputs/phi-public-tool.yaml]
            expect:
              - {rule: no-phi-without-baa, path: /steps/0/tool}

        """

    static let plugin = """
        apiVersion: tacet/v1
        kind: Plugin
        metadata: {name: phi-scanner, version: 1.2.0}
        command: [./phi-scanner]
        protocols: [1]
        kinds: [Workflow]
        timeout: 5

        """

    static let exception = """
        apiVersion: tacet/v1
        kind: Exception
        metadata: {name: pilot-scribe}
        rule: no-phi-without-baa
        scope: {workflow: inpatient-documentation, step: draft-note}
        justification: BAA signed, awaiting countersignature
        owner: clinical-director
        expires: 2027-01-31

        """

    static let framework = """
        apiVersion: tacet/v1
        kind: Framework
        metadata: {name: mini}
        occupation: {soc: 29-1129.02, title: Music Therapists}
        levels: [emerging, developing, proficient, advanced]
        statements:
          - {id: a1, level: emerging, title: A1, description: first}
          - {id: a2, level: developing, title: A2, description: second}
        areas:
          - {id: area-a, title: Area A, chain: [a1, a2], cite: [src]}
        citations:
          - {id: src, title: Source, source: somewhere}

        """

    static let project = """
        apiVersion: tacet/v1
        kind: Project
        metadata: {name: clinic-ai-use}
        policies: [policies]
        teams: [teams]
        defaults: shipped
        failOn: warning

        """

    static let all: [(String, String)] = [
        ("Policy", policy), ("Workflow", workflow), ("Therapist", therapist), ("Catalog", catalog),
        ("Requirements", requirements), ("LearningPlan", learningPlan), ("PolicyTest", policyTest),
        ("Plugin", plugin), ("Exception", exception), ("Framework", framework), ("Project", project),
    ]
}
