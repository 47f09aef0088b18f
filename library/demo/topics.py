"""Hand-written demo content in English: twenty topics, each giving a toolkit, a guide and a case study.

A topic holds what differs between resources (titles, summaries, the steps, checklists, pitfalls
and the case study's story); `catalogue.py` composes them into Markdown bodies. Plain data only.
"""

# ruff: noqa: E501 - prose, wrapped by sentence rather than at the line limit

TOPICS = [
    {
        "key": "election-observation",
        "year": 2022,
        "themes": ["electoral-processes", "community-activism"],
        "tags": ["election observation", "volunteer networks", "electoral violence"],
        "countries": ["KE", "UG", "TZ", "ZM"],
        "toolkit": (
            "Citizen election observation toolkit",
            "Forms, training sessions and reporting templates for a non-partisan network that watches "
            "polling stations from opening to the count.",
        ),
        "guide": (
            "How to recruit, train and deploy citizen election observers",
            "A step-by-step guide for organisations building their first domestic observation network, "
            "from choosing polling stations to publishing a statement.",
        ),
        "case": {
            "title": "Ten thousand eyes on the ballot: citizen observers in Kenya's general election",
            "summary": "How a coalition of faith groups and youth networks placed trained observers in a "
            "random sample of polling stations and published a verified count within two days.",
            "country": "KE",
            "organisation": "Elections Observation Coalition Kenya",
            "code": "UDF-KE-21-014",
            "period": ("2021-03-01", "2023-02-28"),
        },
        "why": "Independent citizen observers make fraud harder to hide and rumours easier to answer. When "
        "observers follow one method in a representative sample of polling stations, their findings can "
        "confirm or question the official results with evidence that courts, media and voters trust.",
        "steps": [
            "Agree on a short, non-partisan code of conduct that every observer signs.",
            "Draw a random sample of polling stations with help from a statistician.",
            "Recruit observers who live near their station and train them in half-day sessions.",
            "Test the reporting system with a full rehearsal one week before election day.",
            "Publish a preliminary statement only once the sample has reported in full.",
        ],
        "checklist": [
            "Accreditation letters from the election commission for every observer",
            "A phone tree and a back-up paper channel for reports",
            "A legal team on call for incidents",
            "A spokesperson trained for press conferences",
        ],
        "pitfalls": [
            "Announcing figures before the sample is complete invites accusations of bias.",
            "Observers recruited by parties bring partisan loyalties into the network.",
            "Ignoring observers' safety after the count, when tension is highest.",
        ],
        "context": "After disputed elections and violence in earlier cycles, trust in the announced results "
        "was low. Civil-society groups wanted evidence that could be shared quickly and defended in court.",
        "approach": [
            "Trained 10,400 observers in 47 counties through a cascade of 300 trainers.",
            "Used a random sample of 1,500 polling stations for a parallel vote tabulation.",
            "Ran a call centre that verified every incident report before publication.",
            "Briefed the media and diplomatic observers daily during the tally.",
        ],
        "results": [
            "Ninety-eight per cent of sampled stations reported within 24 hours of closing.",
            "The coalition's projection matched the official turnout within one percentage point.",
            "Incident reports led the commission to recount votes in six constituencies.",
        ],
        "lessons": [
            "Invest in the sample and the data centre before spending on visibility.",
            "Young observers stayed engaged when they received feedback on their reports.",
            "Agree in advance who speaks for the coalition, and when.",
        ],
    },
    {
        "key": "first-time-voters",
        "year": 2020,
        "themes": ["electoral-processes", "youth-engagement"],
        "tags": ["voter education", "civic education", "youth councils"],
        "countries": ["GH", "SN", "CI", "TG"],
        "toolkit": (
            "First-time voter education kit for schools and youth clubs",
            "Lesson plans, a mock election and quiz cards that help 17 and 18 year olds register and vote "
            "for the first time.",
        ),
        "guide": (
            "Reaching first-time voters: a guide for youth organisations",
            "Practical advice on messages, channels and partners that move young people from interest to "
            "registration and turnout.",
        ),
        "case": {
            "title": "Ghana's school mock elections: turning civic lessons into first votes",
            "summary": "A youth network ran mock elections in 220 secondary schools, then helped students "
            "register when the national registration window opened.",
            "country": "GH",
            "organisation": "Youth Civic Forum Ghana",
            "code": "UDF-GH-19-007",
            "period": ("2019-09-01", "2020-12-31"),
        },
        "why": "Young people who vote in their first eligible election are far more likely to keep voting. "
        "Many miss the registration window simply because nobody explained where, when and with which "
        "documents to register.",
        "steps": [
            "Map registration dates and required documents in your area.",
            "Partner with head teachers and youth clubs to reach students before they turn 18.",
            "Run a mock election with real ballot boxes, candidates and a count.",
            "Accompany students to registration centres in small groups.",
            "Send a reminder the week before election day, with the polling station address.",
        ],
        "checklist": [
            "Permission from school authorities and parents",
            "Non-partisan materials checked by two people from different backgrounds",
            "A list of registration centres with opening hours",
            "A simple way to record who registered, with consent",
        ],
        "pitfalls": [
            "Using party colours or slogans, even by accident, in materials.",
            "Talking about democracy in the abstract instead of the practical steps to vote.",
            "Forgetting young people who have left school.",
        ],
        "context": "Registration among 18 to 21 year olds stood at less than half the national average. "
        "Students knew little about the process and many lacked the documents needed.",
        "approach": [
            "Trained 440 teachers and student leaders to run civic lessons and mock elections.",
            "Held mock elections in 220 schools with candidates debating school issues.",
            "Organised group visits to registration centres with the electoral commission.",
        ],
        "results": [
            "31,000 students took part in mock elections.",
            "Registration of first-time voters in participating districts rose by 18 per cent.",
            "The education ministry added the mock election to its civic education guidance.",
        ],
        "lessons": [
            "Practical help with documents mattered more than persuasion.",
            "Student-led debates on school issues made politics feel relevant.",
            "Working with the commission from the start opened doors in every district.",
        ],
    },
    {
        "key": "women-candidates",
        "year": 2018,
        "themes": ["womens-empowerment", "electoral-processes"],
        "tags": ["women's political participation", "mentoring", "coalition building"],
        "countries": ["NP", "BD", "LK"],
        "toolkit": (
            "Campaign school toolkit for women candidates",
            "A five-day campaign school curriculum: message, budget, canvassing, media and safety, with "
            "exercises and handouts.",
        ),
        "guide": (
            "Mentoring women candidates in local elections",
            "How to pair first-time women candidates with experienced mentors, and what a good mentoring "
            "relationship covers before and after election day.",
        ),
        "case": {
            "title": "From ward member to mayor: mentoring women candidates in Nepal's local elections",
            "summary": "A network of former women councillors mentored 600 first-time candidates, of whom "
            "more than half won their seats.",
            "country": "NP",
            "organisation": "Women Leaders Network Nepal",
            "code": "UDF-NP-17-003",
            "period": ("2017-01-15", "2018-06-30"),
        },
        "why": "Quotas open the door, but women candidates still face smaller budgets, less media coverage and "
        "harassment. Peer support from women who have already campaigned closes part of that gap.",
        "steps": [
            "Identify potential candidates early, at least a year before nomination.",
            "Match each candidate with a mentor who campaigned in a similar constituency.",
            "Run a campaign school covering message, budget, canvassing and media.",
            "Set up a rapid response line for harassment during the campaign.",
            "Keep the network going after the election to support those elected.",
        ],
        "checklist": [
            "A mentor agreement with expectations on both sides",
            "A safety plan for every candidate",
            "Contacts of journalists interested in women's representation",
            "A small fund for travel to campaign events",
        ],
        "pitfalls": [
            "Training candidates too close to the election for them to use it.",
            "Pairing mentors and candidates from rival parties without their agreement.",
            "Dropping support once the votes are counted.",
        ],
        "context": "A new constitution reserved seats for women in every ward, but few women had campaign "
        "experience and parties offered them little support.",
        "approach": [
            "Recruited 150 former councillors as mentors across 30 districts.",
            "Ran 24 campaign schools in local languages.",
            "Set up a harassment hotline with a legal aid partner.",
            "Held monthly peer meetings for elected women in the first year of office.",
        ],
        "results": [
            "Of 600 mentored candidates, 342 were elected, including 11 deputy mayors.",
            "Participants raised on average twice as much campaign money as the year before.",
            "Elected women formed a caucus that now advocates for gender-responsive budgets.",
        ],
        "lessons": [
            "Mentors need preparation too: a one-day induction made relationships work.",
            "Family support was decisive; involve spouses and elders early.",
            "Safety planning must start before nomination.",
        ],
    },
    {
        "key": "community-radio",
        "year": 2016,
        "themes": ["media-and-freedom-of-information", "community-activism"],
        "tags": ["community radio", "citizen journalism", "access to information"],
        "countries": ["MW", "ZM", "MZ"],
        "toolkit": (
            "Community radio programming toolkit",
            "Formats, running orders and listener feedback tools for community stations that want to "
            "broadcast local governance programmes.",
        ),
        "guide": (
            "Producing a call-in programme on local government",
            "How community stations prepare, host and follow up a live programme where listeners question "
            "local officials.",
        ),
        "case": {
            "title": "On air with the district council: community radio in rural Malawi",
            "summary": "Twelve community stations broadcast monthly call-in shows with district officials, "
            "and tracked the promises made on air.",
            "country": "MW",
            "organisation": "Malawi Community Radio Association",
            "code": "UDF-MW-15-009",
            "period": ("2015-04-01", "2016-09-30"),
        },
        "why": "In rural areas radio is still the medium most people trust and can afford. A station that puts "
        "local officials on air in the listeners' language turns distant institutions into people who can "
        "be asked questions.",
        "steps": [
            "Choose one issue per programme that listeners raised in the previous month.",
            "Invite the responsible official in writing, two weeks in advance.",
            "Collect questions from listener clubs before the show.",
            "Broadcast live, with a presenter trained to ask follow-up questions.",
            "Record the commitments made and report back on them next month.",
        ],
        "checklist": [
            "A written invitation and confirmation from the official",
            "A promise tracker that listeners can consult",
            "Phone lines tested before going on air",
            "A policy on abusive callers",
        ],
        "pitfalls": [
            "Letting officials make speeches instead of answering questions.",
            "Forgetting to report back on promises, which erodes listeners' trust.",
            "Depending on one presenter whose departure ends the programme.",
        ],
        "context": "Decentralisation had transferred budgets to district councils, but few citizens knew "
        "what their council decided or how to raise problems with it.",
        "approach": [
            "Trained 48 presenters and producers in interview and fact-checking techniques.",
            "Formed 160 listener clubs that gathered questions in villages.",
            "Published a promise tracker read out at the start of every programme.",
        ],
        "results": [
            "Officials attended 131 of 144 planned programmes.",
            "Listeners tracked 212 promises; 97 were kept within six months.",
            "Two councils began publishing their budgets on station noticeboards.",
        ],
        "lessons": [
            "The promise tracker was the programme's most popular segment.",
            "Listener clubs gave women a way to ask questions without calling in.",
            "Stations needed small grants for phone credit to keep lines open.",
        ],
    },
    {
        "key": "fact-checking",
        "year": 2019,
        "themes": ["media-and-freedom-of-information", "electoral-processes"],
        "tags": ["fact-checking", "media literacy", "hate speech"],
        "countries": ["PH", "ID", "MY", "TH"],
        "toolkit": (
            "Election fact-checking toolkit for newsrooms",
            "Verification workflows, rating scales and correction templates for newsrooms that check "
            "claims during an election campaign.",
        ),
        "guide": (
            "Setting up a collaborative fact-checking desk",
            "How competing newsrooms and universities can share the work of checking viral claims, and "
            "publish each verdict at the same time.",
        ),
        "case": {
            "title": "A shared fact-checking desk for the Philippine midterm elections",
            "summary": "Fourteen newsrooms and three universities checked 1,100 claims in five months and "
            "published their verdicts together.",
            "country": "PH",
            "organisation": "Philippine Centre for Media Integrity",
            "code": "UDF-PH-18-022",
            "period": ("2018-11-01", "2019-07-31"),
        },
        "why": "Falsehoods spread faster than corrections, and a single newsroom cannot check everything. A "
        "shared desk lets many outlets publish the same verified answer, reaching audiences that no single "
        "outlet reaches.",
        "steps": [
            "Agree on a shared rating scale and a transparent method.",
            "Monitor social media with a small team and a daily list of claims to check.",
            "Check each claim with at least two independent sources.",
            "Publish verdicts on every partner's platform at the same time.",
            "Track corrections and how often debunked claims resurface.",
        ],
        "checklist": [
            "A signed memorandum among partners on editorial independence",
            "A public page explaining the method and funding",
            "A corrections policy",
            "Security training for staff facing online harassment",
        ],
        "pitfalls": [
            "Checking only claims by one side, which invites charges of bias.",
            "Repeating the false claim in the headline.",
            "Burn-out of a small team during the final weeks of a campaign.",
        ],
        "context": "Coordinated networks spread false claims about candidates and the election commission, "
        "and newsrooms had few resources to respond.",
        "approach": [
            "Trained 90 journalists and students in verification tools.",
            "Ran a daily editorial meeting shared by all partners.",
            "Published verdicts in English, Filipino and three regional languages.",
        ],
        "results": [
            "1,100 claims checked; 62 per cent rated false or misleading.",
            "Partners' fact-checks reached an estimated 14 million readers and viewers.",
            "Two platforms reduced the reach of content rated false by the desk.",
        ],
        "lessons": [
            "Regional language verdicts were shared far more than English ones.",
            "Universities gave the desk capacity and credibility.",
            "Plan for harassment of fact-checkers as seriously as for the checking.",
        ],
    },
    {
        "key": "access-to-information",
        "year": 2014,
        "themes": ["media-and-freedom-of-information", "civil-society-and-government"],
        "tags": ["access to information", "advocacy", "open data"],
        "countries": ["IN", "NP", "PK"],
        "toolkit": (
            "Right to information request toolkit",
            "Model requests, appeal letters and a tracking sheet for citizens and groups using the right "
            "to information law.",
        ),
        "guide": (
            "Using information requests to follow public money",
            "How to word requests that get answers, what to do when they are refused, and how to turn the "
            "documents into a campaign.",
        ),
        "case": {
            "title": "Village information clinics in Rajasthan",
            "summary": "Weekly clinics helped villagers file 4,000 information requests about public works "
            "and food rations, and act on the answers.",
            "country": "IN",
            "organisation": "Rural Transparency Collective",
            "code": "UDF-IN-13-031",
            "period": ("2013-02-01", "2014-12-31"),
        },
        "why": "Access to information laws give every citizen the right to see public records, but the right "
        "is used mostly by people who can write formal letters. Helping others file requests spreads the "
        "benefit to those most affected by how public money is spent.",
        "steps": [
            "Explain the law in plain language, with real examples of useful requests.",
            "Help people word precise requests for named documents.",
            "Keep copies and track every deadline.",
            "Appeal refusals and late answers to the information commission.",
            "Read the documents together and decide what to do with them.",
        ],
        "checklist": [
            "Model request letters in local languages",
            "The fees and deadlines the law sets",
            "The names of designated information officers",
            "A register of requests and their outcomes",
        ],
        "pitfalls": [
            "Vague requests that officials can easily refuse.",
            "Filing requests without a plan for using the answers.",
            "Exposing requesters to retaliation; discuss risks first.",
        ],
        "context": "Villagers suspected that money for public works and food rations was being diverted, but "
        "had no records to prove it.",
        "approach": [
            "Held weekly clinics in 40 villages staffed by trained volunteers.",
            "Filed requests for muster rolls, bills and ration shop registers.",
            "Organised public hearings where records were read aloud.",
        ],
        "results": [
            "4,020 requests filed; 71 per cent answered within the legal deadline after appeals.",
            "Public hearings led to the recovery of funds from three contractors.",
            "Ration shops began displaying stock registers.",
        ],
        "lessons": [
            "Public reading of records created pressure that letters alone did not.",
            "Women used the clinics when they were held near water points and markets.",
            "Volunteers needed legal back-up when officials threatened them.",
        ],
    },
    {
        "key": "participatory-budgeting",
        "year": 2015,
        "themes": ["civil-society-and-government", "community-activism"],
        "tags": ["participatory budgeting", "local governance", "public hearings"],
        "countries": ["BR", "UY", "AR", "PY"],
        "toolkit": (
            "Participatory budgeting toolkit for municipalities and civil society",
            "Templates for neighbourhood assemblies, project ballots and monitoring committees, with a "
            "calendar that fits the municipal budget cycle.",
        ),
        "guide": (
            "Running neighbourhood assemblies that decide part of the budget",
            "How to design assemblies where residents propose, debate and vote on projects, and how to keep "
            "the process fair and inclusive.",
        ),
        "case": {
            "title": "Neighbourhood assemblies decide the budget in a Brazilian city",
            "summary": "Residents of 18 neighbourhoods voted on how to spend a tenth of the city's investment "
            "budget, and a committee of residents followed the works.",
            "country": "BR",
            "organisation": "Instituto Cidade Participativa",
            "code": "UDF-BR-14-005",
            "period": ("2014-03-01", "2015-11-30"),
        },
        "why": "When residents decide how part of the budget is spent, spending follows needs more closely and "
        "trust in local government grows. The process works only if the municipality commits real money "
        "and keeps its word.",
        "steps": [
            "Secure a written commitment on the share of the budget residents will decide.",
            "Hold assemblies in every neighbourhood, at times working people can attend.",
            "Help residents turn needs into costed project proposals.",
            "Let residents vote, and publish the results the same day.",
            "Elect a committee that monitors the works until they are finished.",
        ],
        "checklist": [
            "A council resolution on the process and the budget share",
            "Childcare and interpretation at assemblies",
            "Engineers available to cost proposals",
            "A public board showing progress of every chosen project",
        ],
        "pitfalls": [
            "Offering a share of the budget too small to matter.",
            "Letting the best-organised groups dominate the vote.",
            "Approved projects that are never built.",
        ],
        "context": "The city had grown fast and informal neighbourhoods lacked paving, drainage and clinics. "
        "Residents felt budget decisions were made far from them.",
        "approach": [
            "Held 54 assemblies with more than 9,000 residents.",
            "Trained 120 delegates to prepare proposals with municipal engineers.",
            "Formed a monitoring committee with a seat for each neighbourhood.",
        ],
        "results": [
            "41 projects approved, 36 completed within two years.",
            "Investment in the poorest neighbourhoods doubled compared with previous years.",
            "The council made participatory budgeting a permanent by-law.",
        ],
        "lessons": [
            "Visible, quick results in the first year kept residents coming back.",
            "A by-law protected the process when the mayor changed.",
            "Neighbourhood delegates needed training in reading budgets.",
        ],
    },
    {
        "key": "community-scorecards",
        "year": 2017,
        "themes": ["civil-society-and-government"],
        "tags": ["scorecards", "social accountability", "public service delivery"],
        "countries": ["UG", "RW", "ET"],
        "toolkit": (
            "Community scorecard toolkit for health and education services",
            "Scoring sheets, facilitation notes and interface meeting agendas for communities and service "
            "providers who want to improve a clinic or a school together.",
        ),
        "guide": (
            "Facilitating an interface meeting between users and providers",
            "How to bring service users and staff together to compare scores, agree on actions and follow "
            "them up without blame.",
        ),
        "case": {
            "title": "Health centre scorecards in northern Uganda",
            "summary": "Patients and staff of 30 health centres scored services together every six months; "
            "waiting times fell and drug stock-outs became rarer.",
            "country": "UG",
            "organisation": "Northern Uganda Health Accountability Network",
            "code": "UDF-UG-16-012",
            "period": ("2016-01-01", "2017-12-31"),
        },
        "why": "Services improve when the people who use them and the people who provide them agree on what "
        "is wrong and what each side will do. A scorecard turns complaints into shared evidence.",
        "steps": [
            "Agree with the service provider and local authorities to run the exercise.",
            "Let user groups choose the indicators that matter to them.",
            "Score separately: users in groups, staff on their own.",
            "Compare scores in an interface meeting and agree on an action plan.",
            "Repeat the scoring six months later to see what changed.",
        ],
        "checklist": [
            "Separate groups for women, men, young people and older people",
            "Pictorial scoring sheets for people who cannot read",
            "A neutral facilitator for the interface meeting",
            "A copy of the action plan for the noticeboard",
        ],
        "pitfalls": [
            "Turning the meeting into a trial of individual staff members.",
            "Action plans with only demands on the provider.",
            "No repeat scoring, so nobody knows whether things improved.",
        ],
        "context": "Health centres faced long queues, absent staff and frequent stock-outs of essential "
        "drugs, while patients had no channel to raise problems.",
        "approach": [
            "Ran four rounds of scorecards in 30 health centres.",
            "Held interface meetings attended by district health officials.",
            "Shared results on local radio after each round.",
        ],
        "results": [
            "Average waiting time fell from three hours to 75 minutes.",
            "Stock-outs of malaria drugs fell by half in participating centres.",
            "Districts adopted the scorecard in their annual health plans.",
        ],
        "lessons": [
            "Staff engaged once they saw that problems they raised, like housing, were addressed too.",
            "District officials' presence turned plans into budget decisions.",
            "Four rounds were needed before changes became routine.",
        ],
    },
    {
        "key": "legal-aid",
        "year": 2013,
        "themes": ["rule-of-law-and-human-rights"],
        "tags": ["legal aid", "land rights", "grievance mechanisms"],
        "countries": ["LR", "SL", "GN"],
        "toolkit": (
            "Community paralegal training toolkit",
            "A twelve-module curriculum for community paralegals: mediation, land disputes, detention "
            "rights, referrals and record keeping.",
        ),
        "guide": (
            "Setting up a community paralegal programme",
            "How to recruit, supervise and support paralegals who help people solve justice problems close "
            "to home.",
        ),
        "case": {
            "title": "Community paralegals and land disputes in Liberia",
            "summary": "Forty paralegals handled 3,500 cases, most of them land disputes settled by mediation "
            "within weeks instead of years in court.",
            "country": "LR",
            "organisation": "Justice for All Liberia",
            "code": "UDF-LR-12-004",
            "period": ("2012-05-01", "2013-12-31"),
        },
        "why": "Most people never see a lawyer. Trained paralegals, supervised by lawyers, can explain the law, "
        "mediate disputes and accompany people to institutions, solving many problems before they escalate.",
        "steps": [
            "Recruit paralegals trusted in their communities, with a balance of women and men.",
            "Train them in the law, mediation and record keeping.",
            "Set up supervision by a lawyer who reviews difficult cases.",
            "Build referral relationships with police, courts and chiefs.",
            "Record every case to learn which problems recur.",
        ],
        "checklist": [
            "Case intake forms and a confidential filing system",
            "A supervising lawyer for every ten paralegals",
            "A referral list for cases paralegals must not handle",
            "Transport money for accompanying clients",
        ],
        "pitfalls": [
            "Paralegals taking on cases beyond their competence.",
            "Mediated settlements that pressure women to give up rights.",
            "No record of cases, so patterns of abuse go unnoticed.",
        ],
        "context": "After years of conflict, land ownership was contested and courts were far away, slow and "
        "costly. Disputes often turned violent.",
        "approach": [
            "Trained 40 paralegals in six counties.",
            "Mediated land disputes with chiefs and families.",
            "Referred 420 serious cases, including gender-based violence, to lawyers.",
        ],
        "results": [
            "3,512 cases handled; 68 per cent resolved by mediation.",
            "Average time to resolve a land dispute fell from years to seven weeks.",
            "The justice ministry recognised community paralegals in its legal aid policy.",
        ],
        "lessons": [
            "Supervision by lawyers kept quality high and protected paralegals.",
            "Case data convinced the ministry better than stories did.",
            "Women paralegals were essential for women clients to come forward.",
        ],
    },
    {
        "key": "human-rights-defenders",
        "year": 2021,
        "themes": ["rule-of-law-and-human-rights", "tools-for-knowledge"],
        "tags": ["human rights defenders", "digital rights", "coalition building"],
        "countries": ["GT", "HN", "SV"],
        "toolkit": (
            "Protection and digital security toolkit for human rights defenders",
            "Risk assessment sheets, security plans and step-by-step guides to secure phones, accounts and "
            "files.",
        ),
        "guide": (
            "Writing a protection plan for your organisation",
            "How a small organisation can assess its risks, agree on security rules and respond to threats "
            "against its members.",
        ),
        "case": {
            "title": "Protection networks for land defenders in Guatemala",
            "summary": "Community protection networks and digital security training helped 60 organisations "
            "respond to threats faster and document attacks.",
            "country": "GT",
            "organisation": "Red de Protección de Defensores",
            "code": "UDF-GT-20-011",
            "period": ("2020-02-01", "2021-10-31"),
        },
        "why": "Defenders face surveillance, smear campaigns and physical attacks. Organisations that plan for "
        "risk, protect their data and alert allies quickly are better able to continue their work.",
        "steps": [
            "Map the threats you face and who is behind them.",
            "Agree on security rules for meetings, travel and communication.",
            "Secure devices and accounts: updates, encryption, strong passphrases.",
            "Set up an alert network with allies, lawyers and journalists.",
            "Document every incident carefully and store the records safely.",
        ],
        "checklist": [
            "An up-to-date contact list for emergencies, kept offline",
            "Two-step verification on every organisational account",
            "A trusted lawyer and a doctor on call",
            "A regular review of the protection plan",
        ],
        "pitfalls": [
            "Security plans written once and never practised.",
            "Relying on a single messaging app for all communication.",
            "Overlooking the risks to defenders' families.",
        ],
        "context": "Community leaders opposing mining and hydroelectric projects were threatened and some "
        "were killed. Most organisations had no security plan.",
        "approach": [
            "Trained 180 defenders from 60 organisations in risk analysis and digital security.",
            "Set up community alert networks connected to lawyers and the national human rights office.",
            "Documented 230 incidents in a shared, encrypted database.",
        ],
        "results": [
            "Average response time to threats fell from days to hours.",
            "Documentation supported 14 complaints to national and international bodies.",
            "All participating organisations adopted written protection plans.",
        ],
        "lessons": [
            "Collective protection worked better than individual measures.",
            "Digital training had to be repeated as tools changed.",
            "Include families and community authorities in protection plans.",
        ],
    },
    {
        "key": "gbv-referral",
        "year": 2019,
        "themes": ["womens-empowerment", "rule-of-law-and-human-rights"],
        "tags": ["gender-based violence", "legal aid", "coalition building"],
        "countries": ["CD", "CF", "BI"],
        "toolkit": (
            "Survivor-centred referral pathway toolkit",
            "Templates to map services, agree on referral protocols and train frontline workers to refer "
            "survivors of gender-based violence safely.",
        ),
        "guide": (
            "Building a local referral network for survivors of violence",
            "How health, legal, police and community services can agree on one survivor-centred pathway, and "
            "keep it working.",
        ),
        "case": {
            "title": "Referral pathways for survivors in eastern Congo",
            "summary": "Women's groups, clinics, police and lawyers in South Kivu agreed on one referral "
            "pathway; survivors reached care faster and more cases reached court.",
            "country": "CD",
            "organisation": "Synergie des Femmes du Sud-Kivu",
            "code": "UDF-CD-18-008",
            "period": ("2018-01-01", "2019-12-31"),
        },
        "why": "Survivors of violence often have to tell their story many times to many services, and many "
        "give up. A referral pathway agreed by all services puts the survivor's safety and choices first.",
        "steps": [
            "Map every service: health, psychosocial, legal, police, shelter.",
            "Agree on a written protocol with consent and confidentiality rules.",
            "Train frontline workers in survivor-centred communication.",
            "Give each service a focal point and a phone number that answers.",
            "Review cases together every quarter, without identifying survivors.",
        ],
        "checklist": [
            "Signed protocol among all services",
            "A pocket card with the pathway for frontline workers",
            "Post-exposure prophylaxis kits in every clinic on the pathway",
            "A confidential case register",
        ],
        "pitfalls": [
            "Referring survivors without their informed consent.",
            "Case meetings that reveal survivors' identities.",
            "A pathway that exists on paper while services are closed.",
        ],
        "context": "Sexual violence was widespread, services were scattered, and survivors were often "
        "stigmatised when seeking help.",
        "approach": [
            "Mapped 85 services in four territories.",
            "Trained 300 frontline workers, police officers and community leaders.",
            "Supported mobile courts with legal aid for survivors.",
        ],
        "results": [
            "The share of survivors receiving medical care within 72 hours rose from 20 to 58 per cent.",
            "Mobile courts heard 140 cases supported by the network.",
            "The provincial government adopted the protocol.",
        ],
        "lessons": [
            "Community women's groups were the entry point most survivors trusted.",
            "Quarterly meetings kept the pathway alive when staff changed.",
            "Legal action depends on early medical documentation.",
        ],
    },
    {
        "key": "youth-councils",
        "year": 2017,
        "themes": ["youth-engagement", "civil-society-and-government"],
        "tags": ["youth councils", "local governance", "civic education"],
        "countries": ["KG", "KZ", "TJ", "UZ"],
        "toolkit": (
            "Youth council starter toolkit",
            "Model statutes, election rules, meeting templates and a first-year action plan for "
            "municipal youth councils.",
        ),
        "guide": (
            "Making a youth council count in local decisions",
            "How young people can move from consultation to real influence over local budgets and plans.",
        ),
        "case": {
            "title": "Youth councils in Kyrgyzstan's municipalities",
            "summary": "Elected youth councils in 25 towns gained a formal voice in local planning and ran "
            "their own small grants for youth projects.",
            "country": "KG",
            "organisation": "Youth of Osh Public Foundation",
            "code": "UDF-KG-16-006",
            "period": ("2016-02-01", "2017-11-30"),
        },
        "why": "Young people are a large share of the population but rarely sit where decisions are taken. A "
        "youth council with clear rules and a link to the municipal council gives them a regular, "
        "recognised voice.",
        "steps": [
            "Agree with the municipality on the council's mandate and a written statute.",
            "Hold open, fair elections in schools, colleges and neighbourhoods.",
            "Train members in how the municipality plans and budgets.",
            "Secure a seat or a speaking right at municipal council meetings.",
            "Run a visible first project within six months.",
        ],
        "checklist": [
            "A statute approved by the municipal council",
            "Balanced representation of young women and men, urban and rural",
            "A meeting room and a small budget",
            "A mentor from the municipal staff",
        ],
        "pitfalls": [
            "Councils appointed by officials rather than elected by young people.",
            "No link to real decisions, which breeds cynicism.",
            "Losing momentum when founding members leave for study or work.",
        ],
        "context": "Young people felt excluded from local decisions and many left for the capital or abroad. "
        "Municipalities had no channel to hear them.",
        "approach": [
            "Supported elections of youth councils in 25 towns.",
            "Trained 310 council members in budgeting and advocacy.",
            "Managed a small grants fund decided by the youth councils.",
        ],
        "results": [
            "19 municipalities gave youth councils a speaking right at council meetings.",
            "Youth councils funded 74 local projects, from sports grounds to job fairs.",
            "Municipal budgets for youth rose by an average of 40 per cent.",
        ],
        "lessons": [
            "A statute approved by the municipal council protected youth councils after local elections.",
            "Small grants gave councils credibility with their peers.",
            "Plan handovers: each council trained its successors.",
        ],
    },
    {
        "key": "parliamentary-monitoring",
        "year": 2020,
        "themes": ["civil-society-and-government", "tools-for-knowledge"],
        "tags": ["parliamentary monitoring", "open data", "advocacy"],
        "countries": ["GE", "AM", "MD", "UA"],
        "toolkit": (
            "Parliamentary monitoring toolkit",
            "Methods and templates to track attendance, votes, bills and promises of members of parliament, "
            "and to publish the data openly.",
        ),
        "guide": (
            "Starting a parliamentary monitoring website",
            "How a small team can collect votes and attendance, present them clearly and keep the data "
            "accurate year after year.",
        ),
        "case": {
            "title": "Opening parliament's record in Georgia",
            "summary": "A monitoring website published every vote and attendance record of members of "
            "parliament; parliament later adopted an open data policy.",
            "country": "GE",
            "organisation": "Transparent Parliament Initiative",
            "code": "UDF-GE-19-002",
            "period": ("2019-01-01", "2020-12-31"),
        },
        "why": "Citizens cannot hold representatives to account for votes they never see. Monitoring makes the "
        "work of parliament visible, and open data lets journalists and researchers do more with it.",
        "steps": [
            "Decide what to track: attendance, votes, bills, questions, declarations.",
            "Collect data from official sources and keep a record of each source.",
            "Check every record twice before publishing.",
            "Present the data by member and by issue, in plain language.",
            "Publish the raw data under an open licence.",
        ],
        "checklist": [
            "A data model agreed before collection starts",
            "A corrections procedure for members who dispute data",
            "Regular backups",
            "A plain-language glossary of parliamentary procedure",
        ],
        "pitfalls": [
            "Ranking members on attendance alone, which rewards presence over work.",
            "Publishing errors that members use to discredit the project.",
            "Depending on one developer with no documentation.",
        ],
        "context": "Votes were recorded but not published in a usable form, and media coverage focused on "
        "personalities rather than decisions.",
        "approach": [
            "Digitised five years of voting records.",
            "Launched a website with profiles of all 150 members.",
            "Trained 45 journalists to use the data.",
        ],
        "results": [
            "The website had 400,000 visits in the election year.",
            "Media published over 300 stories based on the data.",
            "Parliament adopted an open data policy for voting records.",
        ],
        "lessons": [
            "Journalists were the most important multipliers.",
            "Accuracy was the project's main asset; one error cost weeks of credibility.",
            "Engaging parliament's staff early eased access to records.",
        ],
    },
    {
        "key": "budget-tracking",
        "year": 2018,
        "themes": ["tools-for-knowledge", "civil-society-and-government"],
        "tags": ["budget monitoring", "open data", "anti-corruption"],
        "countries": ["ID", "TL", "PH"],
        "toolkit": (
            "Village budget tracking toolkit",
            "Spreadsheets, visual templates and a community meeting guide for tracking village funds from "
            "plan to spending.",
        ),
        "guide": (
            "Reading a public budget: a guide for community monitors",
            "What the lines of a local budget mean, where to find the documents, and which questions reveal "
            "problems.",
        ),
        "case": {
            "title": "Following the village fund in eastern Indonesia",
            "summary": "Community monitors in 80 villages compared budgets with what was built, and shared "
            "the results on village noticeboards and a public map.",
            "country": "ID",
            "organisation": "Forum Transparansi Anggaran",
            "code": "UDF-ID-17-015",
            "period": ("2017-04-01", "2018-12-31"),
        },
        "why": "Large transfers now go directly to villages. Villagers who can read the budget and check what "
        "was delivered are the first and best line of defence against waste and corruption.",
        "steps": [
            "Obtain the approved village budget and the spending report.",
            "Translate the budget into a simple poster.",
            "Visit each project and compare what was built with what was paid.",
            "Present findings at a village meeting with the village head.",
            "Follow up on agreed corrections at the next meeting.",
        ],
        "checklist": [
            "The budget, spending report and procurement documents",
            "A camera or phone for dated photographs",
            "A simple form for each project visit",
            "Contacts at the district inspectorate",
        ],
        "pitfalls": [
            "Accusing individuals before the facts are established.",
            "Monitoring without involving the village government at all.",
            "Collecting data that nobody uses.",
        ],
        "context": "A national village fund gave each village a budget, but few villagers knew the amounts or "
        "what had been planned.",
        "approach": [
            "Trained 320 community monitors, half of them women.",
            "Published budget posters in 80 villages.",
            "Built a public map of 640 projects with photographs.",
        ],
        "results": [
            "Discrepancies were found in 9 per cent of projects; most were corrected after village meetings.",
            "Women's attendance at village planning meetings tripled.",
            "The district adopted the poster format for all villages.",
        ],
        "lessons": [
            "Posters in the village hall did more than the website.",
            "Working with village heads rather than against them got problems fixed.",
            "Photographs with dates were the most convincing evidence.",
        ],
    },
    {
        "key": "disability-inclusion",
        "year": 2022,
        "themes": ["electoral-processes", "community-activism"],
        "tags": ["disability inclusion", "voter education", "advocacy"],
        "countries": ["FJ", "SB", "VU", "PG", "WS", "TO"],
        "toolkit": (
            "Accessible elections toolkit",
            "Polling station audit forms, accessible voter information formats and training for poll "
            "workers on the rights of voters with disabilities.",
        ),
        "guide": (
            "Auditing polling stations for accessibility",
            "How organisations of persons with disabilities can audit polling stations and work with the "
            "election office to fix barriers.",
        ),
        "case": {
            "title": "Accessible polling stations in Fiji",
            "summary": "Organisations of persons with disabilities audited 400 polling stations; the election "
            "office moved or adapted 120 of them and introduced tactile ballot guides.",
            "country": "FJ",
            "organisation": "Pacific Disability Rights Forum",
            "code": "UDF-FJ-21-001",
            "period": ("2021-06-01", "2022-12-31"),
        },
        "why": "Voters with disabilities are often turned away by steps, distance, inaccessible information or "
        "poll workers who do not know the rules. Audits by disabled people themselves identify barriers "
        "that others miss.",
        "steps": [
            "Train auditors, including people with different impairments.",
            "Audit a sample of polling stations with one standard form.",
            "Share findings with the election office, station by station.",
            "Produce voter information in easy read, sign language and audio.",
            "Observe election day and report what changed.",
        ],
        "checklist": [
            "A standard audit form with measurements",
            "Transport and assistants for auditors",
            "Sign language interpreters for training sessions",
            "A contact person in the election office",
        ],
        "pitfalls": [
            "Audits carried out by non-disabled staff only.",
            "Reports too late for the election office to act before election day.",
            "Accessible formats produced without testing them with users.",
        ],
        "context": "Many polling stations were in schools with steps, and voter information was available "
        "only in print.",
        "approach": [
            "Trained 60 auditors with different impairments.",
            "Audited 400 polling stations in three divisions.",
            "Produced voter guides in easy read, braille and sign language videos.",
        ],
        "results": [
            "120 polling stations moved or adapted with ramps.",
            "Tactile ballot guides introduced nationally.",
            "Poll worker manuals now include a chapter on disability rights.",
        ],
        "lessons": [
            "The election office acted quickly on specific, station-level findings.",
            "Auditors became trusted advisers for later elections.",
            "Budget early for accessible formats; they take time to produce and test.",
        ],
    },
    {
        "key": "customary-land-mapping",
        "year": 2016,
        "themes": ["rule-of-law-and-human-rights", "tools-for-knowledge"],
        "tags": ["land rights", "indigenous peoples", "open data"],
        "countries": ["PG", "SB", "FJ"],
        "toolkit": (
            "Participatory land mapping toolkit",
            "Guidance for mapping customary land with GPS and community knowledge, and for recording "
            "agreements on boundaries.",
        ),
        "guide": (
            "Free, prior and informed consent: what communities should know",
            "A plain-language guide to communities' rights when companies or governments propose projects on "
            "their land.",
        ),
        "case": {
            "title": "Mapping customary land in Papua New Guinea",
            "summary": "Clans in two provinces mapped their land and recorded boundaries, giving them evidence "
            "in negotiations with logging companies.",
            "country": "PG",
            "organisation": "Bismarck Ramu Community Rights Group",
            "code": "UDF-PG-15-003",
            "period": ("2015-03-01", "2016-10-31"),
        },
        "why": "Most land is held under custom, without written titles. When companies arrive, communities "
        "without maps and records struggle to defend their rights or negotiate fair terms.",
        "steps": [
            "Hold community meetings so that every clan agrees to map.",
            "Train young people to use GPS devices and record place names.",
            "Walk boundaries with elders and neighbouring clans.",
            "Resolve disputed boundaries before finalising the map.",
            "Keep the maps in the community, and decide together who can see them.",
        ],
        "checklist": [
            "Community consent recorded in minutes",
            "GPS devices and spare batteries",
            "A facilitator trusted by all clans",
            "A safe place for the finished maps",
        ],
        "pitfalls": [
            "Mapping that excludes women's knowledge of land use.",
            "Publishing maps of sacred sites without consent.",
            "Leaving boundary disputes unresolved on the map.",
        ],
        "context": "Large areas were being leased to logging and palm oil companies through agreements that "
        "many landowners had never seen.",
        "approach": [
            "Trained 40 young mappers from 22 clans.",
            "Mapped 85,000 hectares with community agreement on boundaries.",
            "Supported clans in reviewing lease agreements with lawyers.",
        ],
        "results": [
            "Two leases were challenged in court using the maps as evidence.",
            "Clans negotiated the exclusion of sacred sites and water sources from logging.",
            "The provincial government accepted community maps in its land records.",
        ],
        "lessons": [
            "Mapping disputes between clans must be solved first, or companies exploit them.",
            "Young mappers gained respect by working with elders.",
            "Paper copies matter where there is no internet.",
        ],
    },
    {
        "key": "peace-dialogue",
        "year": 2015,
        "themes": ["community-activism", "civil-society-and-government"],
        "tags": ["peacebuilding", "dialogue facilitation", "electoral violence"],
        "countries": ["NG", "NE", "CM"],
        "toolkit": (
            "Community dialogue facilitation toolkit",
            "Session plans, ground rules and conflict analysis tools for facilitators of dialogue between "
            "divided communities.",
        ),
        "guide": (
            "Preventing election violence through local peace committees",
            "How local peace committees can spot early warnings, calm rumours and bring leaders together "
            "before, during and after elections.",
        ),
        "case": {
            "title": "Interfaith peace committees in Plateau State",
            "summary": "Muslim and Christian leaders, women and youth formed peace committees that dealt with "
            "rumours and disputes during a tense election season.",
            "country": "NG",
            "organisation": "Interfaith Mediation Forum",
            "code": "UDF-NG-14-019",
            "period": ("2014-06-01", "2015-09-30"),
        },
        "why": "Violence often starts with a rumour or a small incident. Committees that people trust on all "
        "sides can check facts, calm tempers and bring leaders together before violence spreads.",
        "steps": [
            "Analyse the conflict with people from every community.",
            "Form committees with religious leaders, women, youth and local officials.",
            "Agree on an early warning system and who responds to what.",
            "Hold regular dialogues, not only when there is a crisis.",
            "Debrief after each incident and adjust the plan.",
        ],
        "checklist": [
            "Ground rules agreed by all participants",
            "A rumour-checking procedure",
            "Contacts in the police and the election commission",
            "A neutral venue",
        ],
        "pitfalls": [
            "Committees that include only elderly male leaders.",
            "Meeting only after violence has broken out.",
            "Facilitators seen as belonging to one side.",
        ],
        "context": "Past elections had been followed by deadly clashes between communities, and rumours "
        "spread quickly by text message.",
        "approach": [
            "Formed 34 peace committees in six local government areas.",
            "Trained 200 facilitators in dialogue and mediation.",
            "Set up an SMS early warning line connected to the committees.",
        ],
        "results": [
            "Committees responded to 96 early warnings during the election season.",
            "No deaths from election violence were recorded in participating areas.",
            "The state government set up a permanent peace agency drawing on the committees.",
        ],
        "lessons": [
            "Women and youth on the committees reached people elders could not.",
            "Quick rumour checks were the committees' most valued service.",
            "Regular meetings built the trust that crises required.",
        ],
    },
    {
        "key": "investigative-journalism",
        "year": 2023,
        "themes": ["media-and-freedom-of-information", "rule-of-law-and-human-rights"],
        "tags": ["investigative journalism", "anti-corruption", "access to information"],
        "countries": ["MD", "UA", "RO", "AL", "RS", "BA", "ME", "MK"],
        "toolkit": (
            "Investigative reporting toolkit for regional newsrooms",
            "Public records guides, document checklists and legal review templates for small newsrooms "
            "investigating public procurement.",
        ),
        "guide": (
            "Following the money in public procurement",
            "How journalists use procurement portals, company registers and asset declarations to uncover "
            "conflicts of interest.",
        ),
        "case": {
            "title": "Regional newsrooms investigate procurement in Moldova",
            "summary": "Six regional newsrooms published 45 investigations into public contracts; several led "
            "to cancelled tenders and criminal inquiries.",
            "country": "MD",
            "organisation": "Independent Journalism Centre",
            "code": "UDF-MD-22-006",
            "period": ("2022-01-01", "2023-12-31"),
        },
        "why": "Corruption in local contracts rarely makes national news. Regional journalists know the people "
        "and places involved; with training and legal support they can investigate safely and accurately.",
        "steps": [
            "Choose a contract and collect every public document about it.",
            "Check the companies: owners, addresses, links to officials.",
            "Compare prices with similar contracts elsewhere.",
            "Ask everyone named for their response before publishing.",
            "Have a lawyer review the story.",
        ],
        "checklist": [
            "Access to company registers and procurement portals",
            "A document log with sources and dates",
            "A legal review before publication",
            "A plan for protecting sources",
        ],
        "pitfalls": [
            "Publishing allegations without the right of reply.",
            "Relying on a single leaked document.",
            "Ignoring the risk of lawsuits designed to silence journalists.",
        ],
        "context": "Local authorities spent large sums on roads and public buildings through tenders that "
        "attracted few bidders, while regional media lacked resources to investigate.",
        "approach": [
            "Trained 30 journalists from six regional newsrooms.",
            "Provided editing and legal review for every investigation.",
            "Built a shared database of contracts and companies.",
        ],
        "results": [
            "45 investigations published, reaching national media 19 times.",
            "Eight tenders cancelled and three criminal inquiries opened.",
            "No successful lawsuit against participating newsrooms.",
        ],
        "lessons": [
            "Legal review protected journalists and increased their confidence.",
            "Shared databases saved weeks of work on each story.",
            "National partners amplified regional stories.",
        ],
    },
    {
        "key": "rural-women-leadership",
        "year": 2012,
        "themes": ["womens-empowerment", "community-activism"],
        "tags": ["women's political participation", "local governance", "training of trainers"],
        "countries": ["BD", "IN", "NP"],
        "toolkit": (
            "Leadership circles toolkit for rural women's groups",
            "A year of monthly sessions on public speaking, local government and collective action, for "
            "savings groups and women's associations.",
        ),
        "guide": (
            "Helping women's groups engage with local government",
            "How women's savings and self-help groups can take their priorities to union councils and ward "
            "meetings.",
        ),
        "case": {
            "title": "Women's leadership circles in rural Bangladesh",
            "summary": "Women's savings groups became leadership circles that raised local priorities with "
            "union councils; some members stood for election.",
            "country": "BD",
            "organisation": "Nari Uddog Kendra",
            "code": "UDF-BD-11-010",
            "period": ("2011-01-01", "2012-12-31"),
        },
        "why": "Women's savings groups already meet regularly and trust one another. With training in local "
        "government and public speaking, they can become a powerful voice in local decisions.",
        "steps": [
            "Start from existing groups that meet regularly.",
            "Explain how local government works and where decisions are made.",
            "Practise public speaking in the safety of the group.",
            "Choose one priority and prepare to raise it at a public meeting.",
            "Support members who decide to stand for election.",
        ],
        "checklist": [
            "Meeting times that fit women's work",
            "A trained facilitator from the community",
            "The calendar of local government meetings",
            "Support from husbands and community leaders",
        ],
        "pitfalls": [
            "Overloading women who already carry heavy workloads.",
            "Ignoring backlash from family or community members.",
            "Training without a concrete goal.",
        ],
        "context": "Women were rarely present at union council meetings, and local budgets ignored their "
        "priorities such as safe water and maternal health.",
        "approach": [
            "Turned 180 savings groups into leadership circles.",
            "Trained 90 community facilitators as trainers.",
            "Accompanied women to open budget meetings of union councils.",
        ],
        "results": [
            "Women raised 260 priorities at public meetings; 110 were funded.",
            "46 members stood for union council seats and 29 were elected.",
            "Attendance of women at ward meetings rose fivefold.",
        ],
        "lessons": [
            "Existing groups gave women the confidence to speak publicly.",
            "Early wins on water points built support from husbands.",
            "Elected members needed continued support in office.",
        ],
    },
    {
        "key": "online-civic-campaigns",
        "year": 2024,
        "themes": ["youth-engagement", "tools-for-knowledge", "media-and-freedom-of-information"],
        "tags": ["digital rights", "petitions", "citizen journalism"],
        "countries": ["JO", "LB", "IQ", "PS"],
        "toolkit": (
            "Digital campaigning toolkit for young activists",
            "Templates for campaign planning, safe social media use, online petitions and measuring what "
            "works.",
        ),
        "guide": (
            "Turning online attention into offline change",
            "How youth groups connect online campaigns with meetings, petitions and decision makers, while "
            "staying safe.",
        ),
        "case": {
            "title": "Young Jordanians campaign for safer public transport",
            "summary": "A youth network used social media, an online petition and meetings with the "
            "municipality to improve safety on public buses.",
            "country": "JO",
            "organisation": "Shababna Network",
            "code": "UDF-JO-23-004",
            "period": ("2023-01-01", "2024-06-30"),
        },
        "why": "Young people are online, and online campaigns can gather support quickly. But likes do not "
        "change policy on their own: campaigns succeed when they lead to concrete demands and meetings with "
        "decision makers.",
        "steps": [
            "Define one concrete demand and the person who can grant it.",
            "Collect stories and evidence from people affected.",
            "Launch online with a clear call to action.",
            "Take the petition and the stories to a meeting with decision makers.",
            "Report back to supporters on what happened.",
        ],
        "checklist": [
            "A campaign plan with a timeline",
            "Account security for every team member",
            "Consent forms for people who share their stories",
            "A simple way to measure reach and actions",
        ],
        "pitfalls": [
            "Campaigns without a decision maker to target.",
            "Exposing participants to harassment online.",
            "Stopping communication with supporters after the launch.",
        ],
        "context": "Young women reported harassment on public buses, and few used public transport after "
        "dark. Complaints had gone unanswered.",
        "approach": [
            "Collected 1,200 testimonies through an online form.",
            "Ran a social media campaign led by 40 youth volunteers.",
            "Held three meetings with the municipality and the transport regulator.",
        ],
        "results": [
            "The petition gathered 18,000 signatures.",
            "A complaints hotline and lighting at 60 bus stops were introduced.",
            "Bus drivers received training on harassment.",
        ],
        "lessons": [
            "Specific demands led to specific commitments.",
            "Security training protected volunteers facing online abuse.",
            "Reporting back kept supporters engaged for the next campaign.",
        ],
    },
]
