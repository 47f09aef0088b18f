"""Stop words for the languages the library stems (after accent folding), from the Snowball lists.

Words this common carry no meaning for search: they are left out of the index of a resource in
that language, and out of queries.
"""

ENGLISH = """
a about above after again against all am an and any are as at be because been before being below between
both but by can did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now
of off on once only or other our ours ourselves out over own same she should so some such than that the
their theirs them themselves then there these they this those through to too under until up very was we
were what when where which while who whom why will with would you your yours yourself yourselves
"""

FRENCH = """
au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me meme mes moi mon
ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous
c d j l a m n s t y ete etee etees etes etant suis es est sommes sont serai sera serons seront serais serait
etais etait etions etiez etaient fus fut ai as avons avez ont aurai aura aurons auront avais avait avions
aviez avaient eu eue eues eus cet cette ceci cela ici comme donc ni or car
"""

SPANISH = """
de la que el en y a los del se las por un para con no una su al lo como mas pero sus le ya o este si porque
esta entre cuando muy sin sobre tambien me hasta hay donde quien desde todo nos durante todos uno les ni
contra otros ese eso ante ellos e esto mi antes algunos que unos yo otro otras otra el tanto esa estos mucho
quienes nada muchos cual poco ella estar estas algunas algo nosotros mis tu te ti tus ellas nosotras
vosotros vosotras os mio mia mios mias tuyo tuya suyo suya nuestro nuestra vuestro vuestra esos esas estoy
esta estamos estan es son fue era ha han he hemos
"""

STOP_WORDS = {
    "en": frozenset(ENGLISH.split()),
    "fr": frozenset(FRENCH.split()),
    "es": frozenset(SPANISH.split()),
}
# a query word is left out when it is a stop word in any of these languages
QUERY_STOP_WORDS = frozenset().union(*STOP_WORDS.values())
