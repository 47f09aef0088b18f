"""Hand-written demo resources in French, Spanish and Arabic, complete as written (no composition).

Each entry has the fields of the import format plus `extra` (the subtype's own fields, set only
when the kind's model has them) and `files` (toolkit files; `text` is the Markdown the PDF shows).
An entry with `translation_of` is a version of that English demo resource (its key in
`catalogue.py`), translated from it, and becomes one of its language versions.
"""

# ruff: noqa: E501 - prose, wrapped by sentence rather than at the line limit

FRENCH = [
    {
        "kind": "toolkit",
        "slug": "observer-les-elections-locales-boite-a-outils",
        "title": "Observer les élections locales : boîte à outils pour la société civile",
        "summary": "Fiches d'observation, modules de formation et modèles de rapport pour les organisations "
        "qui déploient des observateurs citoyens lors des élections municipales.",
        "language": "fr",
        "date": "2021-09-14",
        "themes": ["electoral-processes", "community-activism"],
        "countries": ["SN", "ML", "BF", "CI"],
        "tags": ["election observation", "civic education", "volunteer networks"],
        "body": """## À qui s'adresse cette boîte à outils

Aux associations, réseaux de jeunes et organisations de femmes qui souhaitent observer des élections
locales de manière **neutre et rigoureuse**. Aucune expérience préalable n'est nécessaire.

## Contenu

- Module 1 : le cadre juridique des élections locales
- Module 2 : recruter et former les observateurs
- Module 3 : la journée électorale, de l'ouverture au dépouillement
- Module 4 : transmettre et vérifier les informations
- Module 5 : rédiger et publier la déclaration finale

## Les principes de l'observation

1. L'observateur ne prend jamais parti et n'intervient pas dans le déroulement du vote.
2. Chaque incident est noté avec l'heure, le lieu et les témoins.
3. Les informations sont vérifiées avant toute publication.

## Conseils pratiques

- Demandez l'accréditation auprès de la commission électorale au moins un mois à l'avance.
- Prévoyez une ligne téléphonique de secours si le réseau mobile est coupé.
- Organisez une séance de restitution avec les observateurs après le scrutin.
""",
        "files": [
            {"title": "Boîte à outils de l'observateur (PDF)", "language": "fr", "access": "public"},
            {
                "title": "Fiches du formateur : modules 1 à 5",
                "language": "fr",
                "access": "partners",
                "text": """## Préparer la formation

- Prévoir une demi-journée par module, avec des pauses.
- Imprimer les fiches d'observation en nombre suffisant.
- Répartir les participants en petits groupes mixtes.

## Déroulé conseillé

1. Présentation des objectifs et du code de conduite.
2. Exercice de simulation d'un bureau de vote.
3. Remplissage des fiches et correction collective.
4. Évaluation des acquis par un court questionnaire.

## Après la formation

Le formateur transmet la liste des observateurs formés au coordinateur régional, qui organise les
accréditations et l'affectation aux bureaux de vote.
""",
            },
        ],
    },
    {
        "kind": "guide",
        "slug": "guide-radios-communautaires-acces-information",
        "title": "Radios communautaires et accès à l'information : guide pratique",
        "summary": "Comment une radio communautaire peut utiliser le droit d'accès à l'information pour "
        "préparer des émissions sur la gestion des communes.",
        "language": "fr",
        "date": "2019-03-21",
        "themes": ["media-and-freedom-of-information", "civil-society-and-government"],
        "countries": ["BF", "NE", "BJ"],
        "tags": ["community radio", "access to information", "local governance"],
        "body": """## Pourquoi ce guide

Les radios communautaires sont souvent le seul média qui parle des affaires de la commune dans les
langues locales. Le droit d'accès à l'information leur permet d'obtenir les budgets, les comptes rendus
du conseil municipal et les marchés publics.

## Étapes

1. Identifier la question que se posent les auditeurs.
2. Rédiger une demande d'information précise et la déposer à la mairie.
3. Noter la date de dépôt et suivre le délai de réponse prévu par la loi.
4. Analyser les documents reçus avec l'aide d'une personne ressource.
5. Préparer une émission avec un élu et des citoyens.

## À éviter

- Diffuser des accusations sans avoir donné la parole aux personnes concernées.
- Abandonner la demande en cas de refus : un recours est souvent possible.
""",
    },
    {
        "kind": "case-study",
        "slug": "tunisie-conseils-de-jeunes-budgets-municipaux",
        "title": "Tunisie : des conseils de jeunes qui suivent les budgets municipaux",
        "summary": "Dans huit communes, des conseils de jeunes élus ont appris à lire le budget municipal et "
        "ont obtenu le financement de projets pour la jeunesse.",
        "language": "fr",
        "date": "2020-06-05",
        "themes": ["youth-engagement", "civil-society-and-government"],
        "countries": ["TN"],
        "tags": ["youth councils", "budget monitoring", "participatory budgeting"],
        "body": """## En bref

Après les premières élections municipales libres, une association de jeunes a accompagné la création
de conseils de jeunes dans huit communes du centre et du sud du pays.
""",
        "extra": {
            "organisation": "Association Jeunesse et Citoyenneté",
            "project_code": "UDF-TN-18-003",
            "period_start": "2018-09-01",
            "period_end": "2020-03-31",
            "context": "La décentralisation donnait de nouvelles compétences aux communes, mais les jeunes "
            "restaient absents des séances du conseil municipal et ne connaissaient pas le budget.",
            "approach": "- Élection de conseils de jeunes dans huit communes\n"
            "- Formation de 160 jeunes à la lecture du budget municipal\n"
            "- Participation aux séances publiques de budget participatif",
            "results": "- 23 projets proposés par les jeunes inscrits au budget municipal\n"
            "- Une charte de la participation des jeunes adoptée par cinq communes",
            "lessons_learned": "- Un accord écrit avec la mairie protège le conseil de jeunes après les "
            "changements d'équipe.\n- La lecture du budget doit être enseignée avec des exemples concrets.",
        },
    },
    {
        "kind": "case-study",
        "slug": "haiti-comites-de-quartier-violences-faites-aux-femmes",
        "title": "Haïti : des comités de quartier contre les violences faites aux femmes",
        "summary": "À Port-au-Prince, des comités de quartier ont accompagné plus de 900 femmes victimes de "
        "violences vers les soins, l'aide juridique et un hébergement sûr.",
        "language": "fr",
        "date": "2017-11-25",
        "themes": ["womens-empowerment", "rule-of-law-and-human-rights"],
        "countries": ["HT"],
        "tags": ["gender-based violence", "legal aid", "volunteer networks"],
        "body": """## En bref

Des femmes leaders de quartier, formées à l'écoute et à l'orientation, ont créé un réseau de soutien
dans douze quartiers où les services publics étaient presque absents.
""",
        "extra": {
            "organisation": "Kay Fanm Solidarite",
            "project_code": "UDF-HT-16-002",
            "period_start": "2016-03-01",
            "period_end": "2017-09-30",
            "context": "Après le séisme, l'insécurité avait augmenté dans les camps et les quartiers "
            "populaires, et les victimes de violences ne savaient pas où trouver de l'aide.",
            "approach": "- Formation de 60 femmes leaders à l'écoute et à l'orientation\n"
            "- Accords avec deux cliniques et un cabinet d'avocates\n"
            "- Permanences hebdomadaires dans chaque quartier",
            "results": "- 912 femmes accompagnées vers les services\n"
            "- 74 plaintes déposées avec une aide juridique",
            "lessons_learned": "- La confiance naît de la proximité : les permanences dans le quartier "
            "ont été décisives.\n- Les accompagnatrices ont elles-mêmes besoin d'un soutien psychologique.",
        },
    },
    {
        "kind": "guide",
        "slug": "recruter-former-deployer-observateurs-electoraux-citoyens",
        "translation_of": "election-observation/guide",
        "title": "Recruter, former et déployer des observateurs électoraux citoyens",
        "summary": "Un guide pas à pas pour les organisations qui créent leur premier réseau national "
        "d'observation, du choix des bureaux de vote à la publication d'une déclaration.",
        "language": "fr",
        "date": "2022-09-15",
        "themes": ["electoral-processes", "community-activism"],
        "countries": ["KE", "UG"],
        "tags": ["election observation", "volunteer networks", "electoral violence"],
        "body": """## Pourquoi c'est important

Des observateurs citoyens indépendants rendent la fraude plus difficile à cacher et les rumeurs plus
faciles à démentir. Lorsque les observateurs suivent une même méthode dans un échantillon représentatif
de bureaux de vote, leurs constats peuvent confirmer ou contester les résultats officiels avec des
preuves auxquelles les tribunaux, les médias et les électeurs font confiance.

## Étape par étape

1. Adopter un code de conduite court et non partisan, signé par chaque observateur.
2. Tirer au sort un échantillon de bureaux de vote avec l'aide d'un statisticien.
3. Recruter des observateurs qui habitent près de leur bureau et les former en séances d'une demi-journée.
4. Tester le système de transmission lors d'une répétition générale, une semaine avant le scrutin.
5. Ne publier une déclaration préliminaire qu'une fois que tout l'échantillon a transmis ses résultats.

### Avant de commencer

- Une lettre d'accréditation de la commission électorale pour chaque observateur
- Une chaîne téléphonique et un circuit papier de secours pour les rapports
- Une équipe juridique joignable en cas d'incident
- Un porte-parole formé aux conférences de presse

## Erreurs fréquentes

- Annoncer des chiffres avant que l'échantillon soit complet expose à des accusations de partialité.
- Des observateurs recrutés par les partis font entrer des loyautés partisanes dans le réseau.
- Négliger la sécurité des observateurs après le dépouillement, quand la tension est à son comble.

## Pour aller plus loin

La boîte à outils *Citizen election observation toolkit* (en anglais) propose un plan de séance pour
chaque étape, et l'étude de cas *Ten thousand eyes on the ballot* montre la méthode à l'œuvre au Kenya.
""",
    },
    {
        "kind": "case-study",
        "slug": "circuits-orientation-survivantes-est-du-congo",
        "translation_of": "gbv-referral/case-study",
        "title": "Des circuits d'orientation pour les survivantes dans l'est du Congo",
        "summary": "Au Sud-Kivu, associations de femmes, cliniques, police et avocats ont adopté un circuit "
        "d'orientation commun : les survivantes ont été soignées plus vite et davantage d'affaires sont "
        "arrivées devant les tribunaux.",
        "language": "fr",
        "date": "2020-06-18",
        "themes": ["womens-empowerment", "rule-of-law-and-human-rights"],
        "countries": ["CD"],
        "tags": ["gender-based violence", "legal aid", "coalition building"],
        "body": """## En bref

Au Sud-Kivu, les associations de femmes, les cliniques, la police et les avocats se sont accordés sur
un circuit d'orientation commun. Le projet s'est déroulé de janvier 2018 à décembre 2019 et a été mis
en œuvre par la Synergie des Femmes du Sud-Kivu.

## Pourquoi c'est important

Les survivantes de violences doivent souvent raconter leur histoire à de nombreux services, et beaucoup
finissent par renoncer. Un circuit d'orientation adopté par tous les services place la sécurité et les
choix de la survivante au premier plan.
""",
        "extra": {
            "organisation": "Synergie des Femmes du Sud-Kivu",
            "project_code": "UDF-CD-18-008",
            "period_start": "2018-01-01",
            "period_end": "2019-12-31",
            "context": "Les violences sexuelles étaient très répandues, les services dispersés, et les "
            "survivantes étaient souvent stigmatisées lorsqu'elles cherchaient de l'aide.",
            "approach": "- Cartographie de 85 services dans quatre territoires\n"
            "- Formation de 300 agents de première ligne, policiers et leaders communautaires\n"
            "- Appui aux audiences foraines, avec une aide juridique pour les survivantes",
            "results": "- La part des survivantes soignées dans les 72 heures est passée de 20 à 58 %\n"
            "- Les audiences foraines ont jugé 140 affaires suivies par le réseau\n"
            "- Le gouvernement provincial a adopté le protocole",
            "lessons_learned": "- Les groupes de femmes du quartier étaient le point d'entrée auquel la "
            "plupart des survivantes faisaient confiance.\n- Des réunions trimestrielles ont maintenu le "
            "circuit en vie malgré les changements de personnel.\n- L'action en justice dépend d'un constat "
            "médical établi tôt.",
        },
    },
]

SPANISH = [
    {
        "kind": "toolkit",
        "slug": "caja-de-herramientas-monitoreo-presupuesto-municipal",
        "title": "Caja de herramientas para el monitoreo ciudadano del presupuesto municipal",
        "summary": "Fichas, hojas de cálculo y guías de reunión para que las organizaciones vecinales sigan "
        "el presupuesto de su municipio desde la planificación hasta la obra terminada.",
        "language": "es",
        "date": "2018-05-17",
        "themes": ["civil-society-and-government", "tools-for-knowledge"],
        "countries": ["PE", "BO", "EC", "CO"],
        "tags": ["budget monitoring", "social accountability", "participatory budgeting"],
        "body": """## Para qué sirve

Esta caja de herramientas ayuda a las juntas vecinales y a las organizaciones de base a **entender el
presupuesto municipal**, vigilar las obras públicas y proponer mejoras.

## Qué contiene

- Una guía para leer el presupuesto en lenguaje sencillo
- Fichas de visita a obras públicas
- Una hoja de cálculo para comparar lo presupuestado con lo ejecutado
- Modelos de cartas y solicitudes de información

## Cómo usarla

1. Solicite el presupuesto aprobado y el informe de ejecución.
2. Elija dos o tres obras importantes para la comunidad.
3. Visite las obras con la ficha y tome fotografías con fecha.
4. Presente los resultados en una asamblea abierta con las autoridades.
""",
        "files": [
            {"title": "Caja de herramientas completa (PDF)", "language": "es", "access": "public"},
            {
                "title": "Guía del facilitador y hojas de registro",
                "language": "es",
                "access": "partners",
                "text": """## Antes del taller

- Confirme la fecha con las autoridades municipales.
- Prepare copias del presupuesto en formato cartel.

## Durante el taller

1. Explique las partes del presupuesto con ejemplos locales.
2. Forme grupos para analizar una obra cada uno.
3. Acuerde un plan de visitas y responsables.

## Después del taller

Registre los hallazgos en la hoja común y envíe una copia a la coordinación regional.
""",
            },
        ],
    },
    {
        "kind": "guide",
        "slug": "guia-participacion-politica-mujeres-indigenas",
        "title": "Guía para la participación política de mujeres indígenas",
        "summary": "Consejos prácticos para que las organizaciones de mujeres indígenas preparen "
        "candidaturas, formen lideresas y defiendan sus derechos en los espacios de decisión.",
        "language": "es",
        "date": "2022-08-09",
        "themes": ["womens-empowerment", "electoral-processes"],
        "countries": ["GT", "MX", "BO"],
        "tags": ["women's political participation", "indigenous peoples", "mentoring"],
        "body": """## Por qué esta guía

Las mujeres indígenas enfrentan una doble exclusión en la vida política. Esta guía recoge la
experiencia de organizaciones que han formado lideresas y acompañado candidaturas locales.

## Pasos recomendados

1. Reconocer el liderazgo que las mujeres ya ejercen en la comunidad.
2. Organizar escuelas de formación en el idioma de la comunidad.
3. Crear redes de apoyo entre lideresas de distintas comunidades.
4. Acompañar las candidaturas con un plan de seguridad.

## Lo que hemos aprendido

- Las autoridades tradicionales pueden ser aliadas si se las involucra desde el inicio.
- La formación debe adaptarse a los horarios y a las responsabilidades de las mujeres.
""",
    },
    {
        "kind": "case-study",
        "slug": "colombia-defensoras-comunitarias-cauca",
        "title": "Colombia: defensoras comunitarias de derechos humanos en el Cauca",
        "summary": "Una red de defensoras comunitarias documentó violaciones de derechos humanos y creó "
        "protocolos de protección colectiva en 15 veredas del Cauca.",
        "language": "es",
        "date": "2023-03-08",
        "themes": ["rule-of-law-and-human-rights", "womens-empowerment"],
        "countries": ["CO"],
        "tags": ["human rights defenders", "peacebuilding", "transitional justice"],
        "body": """## Resumen

Tras el acuerdo de paz, las lideresas sociales del Cauca enfrentaban amenazas crecientes. Una red
de defensoras se organizó para documentar los hechos y protegerse de manera colectiva.
""",
        "extra": {
            "organisation": "Red de Mujeres Defensoras del Cauca",
            "project_code": "UDF-CO-21-009",
            "period_start": "2021-02-01",
            "period_end": "2022-12-15",
            "context": "La salida de grupos armados de algunos territorios fue seguida por nuevas disputas y "
            "por ataques contra líderes y lideresas sociales.",
            "approach": "- Formación de 120 defensoras en documentación y protección\n"
            "- Protocolos de alerta temprana en 15 veredas\n"
            "- Diálogo con la Defensoría del Pueblo y las autoridades locales",
            "results": "- 310 casos documentados y remitidos a las autoridades\n"
            "- Medidas de protección colectiva reconocidas para cuatro comunidades",
            "lessons_learned": "- La protección colectiva fue más eficaz que las medidas individuales.\n"
            "- La documentación rigurosa abrió la puerta al diálogo con las instituciones.",
        },
    },
    {
        "kind": "case-study",
        "slug": "honduras-jovenes-observadores-electorales",
        "title": "Honduras: jóvenes observadores en las elecciones generales",
        "summary": "Mil doscientos jóvenes voluntarios observaron la jornada electoral y el escrutinio en "
        "cinco departamentos y publicaron un informe verificado.",
        "language": "es",
        "date": "2022-02-14",
        "themes": ["electoral-processes", "youth-engagement"],
        "countries": ["HN"],
        "tags": ["election observation", "youth councils", "electoral violence"],
        "body": """## Resumen

Una alianza de organizaciones juveniles formó y desplegó observadores no partidarios para dar
confianza a un proceso electoral marcado por la polarización.
""",
        "extra": {
            "organisation": "Alianza Juvenil por la Democracia",
            "project_code": "UDF-HN-21-005",
            "period_start": "2021-05-01",
            "period_end": "2022-01-31",
            "context": "Las elecciones anteriores habían terminado en protestas y en una profunda "
            "desconfianza hacia los resultados.",
            "approach": "- Formación de 1.200 observadores en cinco departamentos\n"
            "- Centro de datos para verificar los reportes\n"
            "- Conferencias de prensa durante el escrutinio",
            "results": "- Reportes de 96 % de las mesas observadas\n"
            "- Recomendaciones incorporadas por el órgano electoral",
            "lessons_learned": "- La neutralidad visible fue la principal garantía de credibilidad.\n"
            "- Los jóvenes siguieron participando en la vigilancia de las autoridades electas.",
        },
    },
    {
        "kind": "guide",
        "slug": "como-reclutar-formar-y-desplegar-observadores-electorales-ciudadanos",
        "translation_of": "election-observation/guide",
        "title": "Cómo reclutar, formar y desplegar observadores electorales ciudadanos",
        "summary": "Una guía paso a paso para las organizaciones que crean su primera red nacional de "
        "observación, desde la elección de las mesas de votación hasta la publicación de una declaración.",
        "language": "es",
        "date": "2022-10-04",
        "themes": ["electoral-processes", "community-activism"],
        "countries": ["KE", "UG"],
        "tags": ["election observation", "volunteer networks", "electoral violence"],
        "body": """## Por qué es importante

Los observadores ciudadanos independientes hacen que el fraude sea más difícil de ocultar y que los
rumores sean más fáciles de desmentir. Cuando los observadores siguen un mismo método en una muestra
representativa de mesas de votación, sus hallazgos pueden confirmar o cuestionar los resultados
oficiales con pruebas en las que confían los tribunales, los medios y los votantes.

## Paso a paso

1. Acordar un código de conducta breve y no partidario que firme cada observador.
2. Sortear una muestra de mesas de votación con la ayuda de un estadístico.
3. Reclutar observadores que vivan cerca de su mesa y formarlos en sesiones de medio día.
4. Probar el sistema de reportes con un simulacro completo una semana antes de la jornada electoral.
5. Publicar una declaración preliminar solo cuando toda la muestra haya reportado.

### Antes de empezar

- Cartas de acreditación del órgano electoral para cada observador
- Una cadena telefónica y un canal de respaldo en papel para los reportes
- Un equipo jurídico disponible para atender incidentes
- Un portavoz preparado para las conferencias de prensa

## Errores frecuentes

- Anunciar cifras antes de completar la muestra da pie a acusaciones de parcialidad.
- Los observadores reclutados por los partidos traen lealtades partidarias a la red.
- Descuidar la seguridad de los observadores después del escrutinio, cuando la tensión es mayor.

## Para saber más

La caja de herramientas *Citizen election observation toolkit* (en inglés) tiene un plan de sesión para
cada paso, y el estudio de caso *Ten thousand eyes on the ballot* muestra el método aplicado en Kenia.
""",
    },
    {
        "kind": "case-study",
        "slug": "redes-de-proteccion-para-defensores-de-la-tierra-en-guatemala",
        "translation_of": "human-rights-defenders/case-study",
        "title": "Redes de protección para defensores de la tierra en Guatemala",
        "summary": "Redes comunitarias de protección y formación en seguridad digital ayudaron a 60 "
        "organizaciones a responder más rápido a las amenazas y a documentar los ataques.",
        "language": "es",
        "date": "2022-04-20",
        "themes": ["rule-of-law-and-human-rights", "tools-for-knowledge"],
        "countries": ["GT"],
        "tags": ["human rights defenders", "digital rights", "coalition building"],
        "body": """## Resumen

Redes comunitarias de protección y formación en seguridad digital ayudaron a 60 organizaciones a
responder más rápido a las amenazas y a documentar los ataques. El proyecto se desarrolló de febrero de
2020 a octubre de 2021 y fue ejecutado por la Red de Protección de Defensores.

## Por qué es importante

Los defensores enfrentan vigilancia, campañas de desprestigio y ataques físicos. Las organizaciones que
planifican frente a los riesgos, protegen sus datos y alertan rápidamente a sus aliados están en mejores
condiciones de continuar su trabajo.
""",
        "extra": {
            "organisation": "Red de Protección de Defensores",
            "project_code": "UDF-GT-20-011",
            "period_start": "2020-02-01",
            "period_end": "2021-10-31",
            "context": "Líderes comunitarios que se oponían a proyectos mineros e hidroeléctricos recibieron "
            "amenazas y algunos fueron asesinados. La mayoría de las organizaciones no tenía un plan de "
            "seguridad.",
            "approach": "- Formación de 180 defensores de 60 organizaciones en análisis de riesgo y "
            "seguridad digital\n"
            "- Redes comunitarias de alerta conectadas con abogados y con la Procuraduría de los Derechos "
            "Humanos\n"
            "- Documentación de 230 incidentes en una base de datos compartida y cifrada",
            "results": "- El tiempo medio de respuesta a las amenazas pasó de días a horas\n"
            "- La documentación respaldó 14 denuncias ante instancias nacionales e internacionales\n"
            "- Todas las organizaciones participantes adoptaron planes de protección escritos",
            "lessons_learned": "- La protección colectiva funcionó mejor que las medidas individuales.\n"
            "- La formación digital tuvo que repetirse a medida que cambiaban las herramientas.\n"
            "- Conviene incluir a las familias y a las autoridades comunitarias en los planes de protección.",
        },
    },
]

ARABIC = [
    {
        "kind": "guide",
        "slug": "dalil-alraqaba-almadaniya-ala-alintikhabat-albaladiya",
        "title": "دليل الرقابة المدنية على الانتخابات البلدية",
        "summary": "دليل عملي للجمعيات والشبكات الشبابية التي ترغب في مراقبة الانتخابات البلدية بحياد ومهنية.",
        "language": "ar",
        "date": "2019-10-02",
        "themes": ["electoral-processes", "civil-society-and-government"],
        "countries": ["JO", "LB", "TN"],
        "tags": ["election observation", "volunteer networks", "civic education"],
        "body": """## لماذا هذا الدليل

تمنح الرقابة المدنية المواطنين ثقة أكبر في نتائج الانتخابات، وتساعد الهيئات الانتخابية على تحسين عملها.

## الخطوات الأساسية

1. التعرف على الإطار القانوني للانتخابات البلدية.
2. تدريب المراقبين على مدونة السلوك واستمارات المراقبة.
3. توزيع المراقبين على مراكز الاقتراع وفق عينة مدروسة.
4. التحقق من المعلومات قبل نشر أي بيان.

## نصائح

- احرصوا على الحصول على الاعتماد من الهيئة الانتخابية مبكراً.
- أشركوا النساء والشباب في فرق المراقبة.
""",
    },
    {
        "kind": "case-study",
        "slug": "alyaman-shabakat-nisaiya-lilwasata-almujtamaiya",
        "title": "اليمن: شبكات نسائية للوساطة المجتمعية",
        "summary": "شكلت نساء في ثلاث محافظات شبكات للوساطة حلّت نزاعات محلية حول المياه والأراضي وأعادت فتح طرق مغلقة.",
        "language": "ar",
        "date": "2021-12-10",
        "themes": ["womens-empowerment", "community-activism"],
        "countries": ["YE"],
        "tags": ["peacebuilding", "dialogue facilitation", "women's political participation"],
        "body": """## نبذة

في ظل النزاع المسلح، تولت نساء من المجتمع المحلي دور الوسيط في نزاعات يومية تمس حياة الأسر.
""",
        "extra": {
            "organisation": "مؤسسة نساء من أجل السلام",
            "project_code": "UDF-YE-20-001",
            "period_start": "2020-01-15",
            "period_end": "2021-09-30",
            "context": "أدى النزاع إلى انهيار كثير من آليات حل النزاعات التقليدية، وازدادت الخلافات حول المياه والأراضي.",
            "approach": "- تدريب 90 امرأة على الوساطة وتحليل النزاعات\n"
            "- إنشاء شبكات وساطة في ثلاث محافظات\n"
            "- التنسيق مع الشيوخ والسلطات المحلية",
            "results": "- حل 140 نزاعاً محلياً بالوساطة\n- إعادة فتح طريقين أمام حركة المدنيين",
            "lessons_learned": "- اكتسبت الوسيطات ثقة المجتمع بفضل حيادهن ومعرفتهن بالسياق المحلي.\n"
            "- يحتاج عمل الوساطة إلى دعم مستمر وحماية للوسيطات.",
        },
    },
    {
        "kind": "toolkit",
        "slug": "haqiba-tadribiya-haqq-alhusul-ala-almaalumat",
        "title": "حقيبة تدريبية حول حق الحصول على المعلومات",
        "summary": "مواد تدريبية ونماذج طلبات للصحفيين ومنظمات المجتمع المدني الذين يستخدمون قوانين الحق في الحصول على المعلومات.",
        "language": "ar",
        "date": "2020-09-28",
        "themes": ["media-and-freedom-of-information", "tools-for-knowledge"],
        "countries": ["JO", "PS", "IQ", "MA"],
        "tags": ["access to information", "investigative journalism", "advocacy"],
        "body": """## محتوى الحقيبة

- شرح مبسط لقوانين الحق في الحصول على المعلومات في المنطقة
- نماذج طلبات معلومات وتظلمات
- تمارين عملية لتحليل الوثائق الرسمية

## كيفية الاستخدام

1. ابدأوا بتحديد المعلومة المطلوبة بدقة.
2. قدموا الطلب كتابياً واحتفظوا بنسخة منه.
3. تابعوا المهلة القانونية للرد، وقدموا تظلماً عند الرفض.
""",
        "files": [
            {
                "title": "Right to information training kit (English edition)",
                "language": "en",
                "access": "public",
                "cover_title": "Right to information training kit",
                "cover_summary": "Training materials and model requests for journalists and civil-society "
                "organisations using right to information laws.",
                "text": """## About this kit

A training kit for journalists and civil-society organisations using right to information laws in the
Middle East and North Africa. The Arabic edition is the reference; this English edition is provided
for partners and trainers.

## Contents

- A plain-language overview of access to information laws in the region
- Model information requests and appeals
- Practical exercises in analysing official documents

## How to use it

1. Start by defining precisely the information you need.
2. File the request in writing and keep a copy.
3. Follow the legal deadline for an answer, and appeal a refusal.
""",
            },
        ],
    },
    {
        "kind": "guide",
        "slug": "istikhdam-talabat-almaalumat-litatabbu-almal-alaam",
        "translation_of": "access-to-information/guide",
        "title": "استخدام طلبات المعلومات لتتبّع المال العام",
        "summary": "كيف تصوغون طلبات تحصل على إجابات، وماذا تفعلون عند رفضها، وكيف تحوّلون الوثائق إلى حملة مناصرة.",
        "language": "ar",
        "date": "2014-09-22",
        "themes": ["media-and-freedom-of-information", "civil-society-and-government"],
        "countries": ["IN", "NP"],
        "tags": ["access to information", "advocacy", "open data"],
        "body": """## لماذا هذا مهم

تمنح قوانين الحق في الحصول على المعلومات كل مواطن حق الاطلاع على السجلات العامة، لكن من يستخدم هذا الحق في الغالب هم القادرون على كتابة الرسائل الرسمية. ومساعدة الآخرين على تقديم الطلبات توصل الفائدة إلى أكثر الناس تأثراً بطريقة إنفاق المال العام.

## خطوة بخطوة

1. اشرحوا القانون بلغة بسيطة، مع أمثلة حقيقية لطلبات مفيدة.
2. ساعدوا الناس على صياغة طلبات دقيقة لوثائق محددة بأسمائها.
3. احتفظوا بنسخ من الطلبات وتابعوا كل المهل.
4. تظلّموا من الرفض ومن الردود المتأخرة أمام لجنة المعلومات.
5. اقرأوا الوثائق معاً وقرروا ما ستفعلونه بها.

### قبل أن تبدأوا

- نماذج رسائل طلب باللغات المحلية
- الرسوم والمهل التي يحددها القانون
- أسماء موظفي المعلومات المعيّنين
- سجل للطلبات ونتائجها

## أخطاء شائعة

- طلبات غامضة يسهل على المسؤولين رفضها.
- تقديم الطلبات دون خطة لاستخدام الإجابات.
- تعريض مقدمي الطلبات للانتقام؛ ناقشوا المخاطر أولاً.

## للمزيد

تضم *حقيبة تدريبية حول حق الحصول على المعلومات* نماذج طلبات وتظلمات وتمارين عملية، وتعرض دراسة الحالة *Village information clinics in Rajasthan* (بالإنجليزية) هذا النهج عملياً.
""",
    },
]

TRANSLATED = FRENCH + SPANISH + ARABIC
