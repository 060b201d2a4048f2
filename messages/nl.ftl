# De berichten van de opdrachtregel in het Nederlands (B1, "je"). Elk bericht
# heeft hetzelfde id in en.ftl. Zet nieuwe berichten aan het eind van hun
# blok, één item (of een klein groepje) per foutcode.

## Samenvattingen en voortgang

summary-errors = { $errors } { $errors ->
    [one] fout
   *[other] fouten
}, { $warnings } { $warnings ->
    [one] waarschuwing
   *[other] waarschuwingen
}
check-ok = { $contracts } { $contracts ->
    [one] contract
   *[other] contracten
} met { $questions } { $questions ->
    [one] vraag
   *[other] vragen
}, { $updates } { $updates ->
    [one] nieuwsbericht
   *[other] nieuwsberichten
} en { $pages } { $pages ->
    [one] pagina
   *[other] pagina's
} nagekeken: alles in orde
build-nothing-written = er is niets geschreven: verbeter de fouten hierboven en bouw opnieuw
build-done = { $files } bestanden gebouwd in { $out } in { $seconds } s
build-done-none-changed = { $files } bestanden gebouwd in { $out } in { $seconds } s (niets veranderd)
build-done-changed = { $files } bestanden gebouwd in { $out } in { $seconds } s ({ $changed } veranderd)
no-site-here = geen site hier: ga naar de map met site.toml, of gebruik --root
no-site-here-help = In { $dir } staat geen site.toml. Een nieuwe site begin je met `afspraak init MAP`.
error-prefix = fout
level-error = fout
level-warning = waarschuwing
level-help = tip
level-note = zie ook
progress-load = bestanden lezen
progress-validate = nakijken
progress-render = pagina's maken
progress-write = wegschrijven

## init en new

init-done = nieuwe site gemaakt in { $dir } ({ $files } bestanden)
init-next = volgende stap: cd { $dir } && afspraak check && afspraak build; lees eerst LEESMIJ.md
new-done = { $path } geschreven: vul het in en draai dan `afspraak check`

## import

import-done = { $path } { $created ->
    [yes] gemaakt
   *[no] bijgewerkt
}: { $added } toegevoegd [{ $added_ids }], { $updated } bijgewerkt [{ $updated_ids }], { $unchanged } ongewijzigd
import-problems = { $count } { $count ->
    [one] probleem
   *[other] problemen
} in het spreadsheet; er is niets geschreven:
import-row = rij { $row }: { $message }
import-row-column = rij { $row }, kolom { $column }: { $message }
import-not-utf8 = deze rij is geen UTF-8-tekst; sla het spreadsheet op als "CSV UTF-8" (in Excel: Opslaan als, dan CSV UTF-8) en importeer opnieuw
import-formula-no-value = in deze cel staat de formule ={ $formula }, maar zonder berekende uitkomst; open het bestand in Excel of LibreOffice en sla het op, of typ de waarde zelf in
import-and = { $first }; { $then }
import-column-twice = deze kolom herhaalt kolom { $first } ({ $key }); houd er één
import-unknown-column = onbekende kolom; deze kolommen ken ik: { $known }
import-unknown-column-suggest = onbekende kolom; bedoel je { $suggestion }? Deze kolommen ken ik: { $known }
import-no-id-column = er is geen kolom { $column }; elke rij heeft het nummer van de vraag in het contract nodig
import-blank-column = deze kolom heeft geen naam in de eerste rij; geef hem een naam, of maak hem leeg
import-too-many-cells = deze rij heeft meer cellen dan de eerste rij kolomnamen heeft ({ $names })
import-date-does-not-exist = `{ $value }` is een datum die niet bestaat
import-not-a-date = `{ $value }` is geen datum; schrijf een jaar (2012), kwartaal (2011-Q3 of "derde kwartaal 2011"), maand (2011-10 of "oktober 2011") of dag (2011-10-15 of 15-10-2011)
import-not-a-number = `{ $value }` is geen vraagnummer; gebruik 1, 2, 3, …
import-one-line = schrijf dit op één regel
import-not-a-kind = `{ $value }` is geen soort; schrijf vraag of initiatief
import-not-a-channel = `{ $value }` is geen kanaal; kies uit: { $keys } (of in het Nederlands: wijkraadsvergadering, wijkschouw, spreekuur, enquête, digitaal panel, bewonersorganisatie, regulier contact)
import-not-a-channel-suggest = `{ $value }` is geen kanaal; bedoel je `{ $suggestion }`? Kies uit: { $keys } (of in het Nederlands: wijkraadsvergadering, wijkschouw, spreekuur, enquête, digitaal panel, bewonersorganisatie, regulier contact)
import-not-an-outcome = `{ $value }` is geen uitkomst; kies uit: Direct opgelost, Binnen de looptijd, Al gepland, Meegenomen in prioritering, Kan niet / mag niet
import-not-yes-no = `{ $value }` is niet ja of nee
import-not-a-scale = `{ $value }` is geen schaal; kies uit: wijk, stadsdeel, stad
import-not-a-ground = `{ $value }` is geen grond; kies uit: wettelijk, beleid, financieel
import-not-a-reference = `{ $value }` verwijst niet naar een vraag; schrijf wijk/jaar/nummer, zoals delftwijk/2010/4
import-empty-id = leeg; elke rij heeft het nummer van de vraag in dit contract nodig
import-id-twice = vraag { $id } staat ook op rij { $first }; zet elke vraag er maar één keer in
import-flow-question = vraag { $id } staat in het contract op één regel (`{ "{" } … { "}" }`); schrijf haar als regels `veld: waarde` om haar bij te werken
import-new-needs = leeg; vraag { $id } is nieuw, en een nieuwe vraag heeft { $column } nodig (en { $others })
import-no-such-question = er is geen vraag { $question } in de contracten
import-follows-itself = een vraag kan niet op zichzelf volgen
import-volunteers-not-initiative = vraag { $id } is geen initiatief, dus ze kan niet op vrijwilligers wachten; schrijf initiatief in { $kind }, of nee in { $volunteers }
import-not-applicable = { $column } hoort niet bij de uitkomst { $outcome } ({ $label }), maar bij { $owners }; laat de cel leeg of verander de uitkomst
import-leftover-field = vraag { $id } wordt { $outcome } ({ $label }), maar in het contract staat nog `{ $key }`, en dat hoort bij { $owners }; de import haalt niets weg: haal `{ $key }` eerst zelf uit het bestand
import-leftover-decision = vraag { $id } wordt { $outcome } ({ $label }), maar in het contract staat nog een `decision`, en dat hoort bij prioritised; haal het eerst zelf uit het bestand
import-needs = leeg; bij de uitkomst { $outcome } ({ $label }) hoort { $what ->
    [when-done] wanneer het klaar is
    [when-planned] wanneer het geplande werk gebeurt
    [planning] of de planning naar voren is gehaald (ja of nee)
    [reason-planning] een reden waarom de planning niet naar voren is gehaald
    [report-by] wanneer de wijkraad de uitkomst hoort
    [ground] de grond: wettelijk, beleid of financieel
   *[reason] een reden: zeg waarom het niet kan
}
import-out-of-range = { $value } ligt ver buiten de jaren van dit contract; een datum ligt tussen { $low } en { $high }
import-outside-period = { $value } ligt buiten de looptijd van het contract ({ $from } tot { $to }); Binnen de looptijd betekent: klaar binnen het contractjaar; gebruik Al gepland voor later werk
import-would-not-check = het geïmporteerde contract zou niet door `afspraak check` komen (regel { $line }: { $message }); er is niets geschreven
import-not-a-contract = `{ $contract }` is geen contract; schrijf WIJK/JAAR, zoals meerwijk/2026
import-use-a-neighbourhood = gebruik de korte naam van een wijk uit content/districts.yaml
import-contract-not-utf8 = { $file } is geen UTF-8-tekst; verbeter dat eerst
import-no-rows = in het spreadsheet staan geen rijen voor { $contract }{ $skipped ->
    [yes] {" "}(de rijen van andere contracten zijn overgeslagen)
   *[no] {""}
}
import-too-many-rows = het spreadsheet heeft meer dan { $max } rijen; importeer hoogstens { $max } rijen tegelijk (splits het bestand)
import-too-many-columns = de rij heeft een waarde in kolom { $column } (nummer { $number }); import leest hoogstens { $max } kolommen: verwijder de kolommen na de laatste die je gebruikt
import-too-many-cells-total = het spreadsheet heeft tot deze rij meer dan { $max } cellen; importeer minder rijen tegelijk (splits het bestand)
import-cell-too-long = de cel bevat { $chars } tekens; een cel mag hoogstens { $max } bytes tekst bevatten
cannot-read-spreadsheet = kan { $file } niet lezen
import-file-too-large = { $file } is { $size } MB; import leest spreadsheets van hoogstens { $max } MB: splits het bestand
import-not-a-spreadsheet = { $file } is geen .csv- of .xlsx-bestand; sla het spreadsheet op als CSV (UTF-8) of als Excel-werkmap (.xlsx)
import-file-not-utf8 = het bestand is geen UTF-8-tekst (byte { $byte }); sla het op als "CSV UTF-8"
import-file-empty = het bestand is leeg; de eerste rij noemt de kolommen
import-not-xlsx = het bestand is geen Excel-werkmap (.xlsx): { $error }
import-damaged = de werkmap is beschadigd ({ $error })
import-zip-part = het onderdeel { $part } van de werkmap { $what ->
    [part] wordt uitgepakt groter dan { $limit } MB
    [total] maakt de uitgepakte werkmap groter dan { $limit } MB
   *[ratio] wordt uitgepakt meer dan { $limit } keer zo groot, zoals een zipbom doet
}; sla het blad opnieuw op (of als CSV), zonder wat het niet nodig heeft
import-no-sheets = de werkmap heeft geen bladen
import-sheet-too-large = volgens het eerste blad beslaat het { $rows } rijen en { $columns } kolommen (tot cel { $cell }); import leest hoogstens { $max_rows } rijen en { $max_columns } kolommen: verwijder de lege rijen en kolommen na de tabel, of kopieer de tabel naar een nieuw blad
import-sheet-empty = het eerste blad is leeg; de eerste rij noemt de kolommen
import-cell-error = in de cel staat een fout uit het spreadsheet ({ $error })

## serve

serve-overlay-title = De site kan niet worden gebouwd
serve-overlay-text = Hieronder staat wat er mis is. Als je de verbetering opslaat, verdwijnt deze melding vanzelf.

## invalid-value

invalid-value-keyword = `{ $value }` is geen geldige waarde voor `{ $field }`
invalid-value-keyword-help = bij `{ $field }` kun je kiezen uit: { $keys } (of in het Nederlands: { $dutch })
invalid-value-keyword-suggest-help = bedoel je `{ $suggestion }`? Bij `{ $field }` kun je kiezen uit: { $keys } (of in het Nederlands: { $dutch })
invalid-value-positive = `{ $field }` moet een heel getal groter dan nul zijn
invalid-value-positive-help = gebruik 1, 2, 3, …
invalid-value-url = `{ $value }` is geen webadres
invalid-value-url-help = schrijf het hele adres, beginnend met https://
invalid-value-path = `{ $value }` is geen adres op deze site
invalid-value-path-help = schrijf een adres dat met / begint, zoals /wijken/meerwijk/
invalid-question-ref = `{ $field }: { $value }` verwijst niet naar een vraag
invalid-question-ref-help = schrijf wijk/jaar/nummer, zoals `delftwijk/2010/4`
invalid-value-from = `{ $value }` is niet een van de vijf antwoorden
follows-not-earlier = `follows: { $question }` verwijst naar een contract dat niet eerder is dan dit contract
follows-not-earlier-help = `follows` noemt de vraag uit een eerder jaar die deze vraag voortzet
invalid-value-email = `{ $value }` is geen e-mailadres
invalid-value-email-help = schrijf alleen het adres, zoals `email = "wijkcontracten@haarlem.nl"`

## invalid-date

invalid-date-does-not-exist = `{ $field }: { $value }` is een datum die niet bestaat
invalid-date-format = `{ $field }: { $value }` is geen datum
invalid-date-vague = `{ $field }: { $value }` is geen vaste periode; dan kan niemand zien wanneer de afspraak af moet zijn
invalid-date-vague-help = schrijf een kwartaal (2027-Q2 of "tweede kwartaal 2027"), een maand (2027-05 of "mei 2027") of een dag (2027-05-15 of 15-05-2027)
invalid-date-day = schrijf een dag, zoals 2011-10-15 of 15-10-2011
invalid-date-when = schrijf een jaar (2012), kwartaal (2011-Q3 of "derde kwartaal 2011"), maand (2011-10 of "oktober 2011") of dag (2011-10-15 of 15-10-2011)
invalid-date-datetime = schrijf een datum en tijd in Nederlandse tijd, zoals 2011-04-14T10:00
invalid-date-year = `{ $field }: { $value }` is geen jaartal
invalid-as-of = `as_of = { $value }` is geen datum met tijd
invalid-as-of-help = schrijf een datum en tijd, zoals `as_of = 2011-12-31T12:00:00`

## empty-file

empty-file = deze YAML is leeg
empty-file-help = vul de velden in die dit bestand nodig heeft; de handleiding (docs/handleiding.md) beschrijft ze per bestand

## yaml-syntax

yaml-syntax = de YAML is hier niet te lezen: { $kind ->
    [quote] een aanhalingsteken wordt niet gesloten
    [bracket] een haakje wordt niet gesloten
    [indent] de regel springt niet goed in
   *[other] er staat iets wat YAML niet verwacht ({ $detail })
}
yaml-syntax-help = kijk of de regels goed inspringen (met spaties, recht onder de regel erboven) en of elk haakje en aanhalingsteken ook weer gesloten is
yaml-syntax-tab = er staat een tab in het inspringen
yaml-syntax-tab-help = in YAML spring je in met spaties, nooit met een tab; vervang de tab door spaties
yaml-no-space-after-colon = na de dubbele punt van `{ $key }:` staat geen spatie
yaml-no-space-after-colon-help = zet een spatie na de dubbele punt: `{ $key }: …`
yaml-colon-in-value = in de tekst van `{ $key }` staat een dubbele punt met een spatie erachter; YAML leest dat als een nieuw veld
yaml-colon-in-value-help = zet de hele tekst tussen dubbele aanhalingstekens: { $key }: { $quoted }
yaml-apostrophe = de tekst van `{ $key }` begint met een apostrof; YAML denkt dan dat er een tekst tussen aanhalingstekens begint die nergens eindigt
yaml-apostrophe-help = zet de hele tekst tussen dubbele aanhalingstekens: { $key }: { $quoted }

yaml-no-space-after-colon-label = na deze dubbele punt hoort een spatie
yaml-colon-in-value-label = deze dubbele punt
yaml-apostrophe-label = deze tekst begint met een apostrof
## duplicate-key

duplicate-key = hetzelfde veld staat twee keer in één onderdeel
duplicate-key-named = het veld `{ $key }` staat twee keer in één onderdeel
duplicate-key-help = elk veld mag maar één keer per onderdeel voorkomen; haal er één weg of geef het een andere naam

## yaml-too-complex

yaml-too-complex = deze YAML is te diep genest of herhaalt te vaak een alias om veilig te lezen
yaml-too-complex-help = een inhoudsbestand heeft geen diepe nesting of herhaalde aliassen (`*naam`) nodig; schrijf de waarden gewoon uit

## unknown-partner, unknown-topic, unknown-neighbourhood, unknown-district

unknown-slug = { $what ->
    [partner] de partner
    [topic] het thema
    [neighbourhood] de wijk
    [district] het stadsdeel
   *[other] { $what }
} `{ $slug }` bestaat niet
unknown-slug-suggest = bedoel je `{ $suggestion }`?
unknown-slug-none = in { $file } staat er nog geen; zet het daar eerst in
unknown-slug-known = in { $file } staan: { $known }
unknown-slug-many = zet het in { $file }, of gebruik een van de korte namen (slugs) die daar staan
unknown-intro = bij neighbourhoods/{ $stem }.md hoort geen wijk uit districts.yaml
unknown-intro-suggest = bedoel je `{ $suggestion }.md`? De bestandsnaam is de korte naam (slug) van de wijk
unknown-intro-help = geef het bestand de korte naam (slug) van een wijk uit districts.yaml
unknown-contract-folder = bij contracts/{ $folder }/ hoort geen wijk uit districts.yaml
unknown-contract-folder-suggest = bedoel je `{ $suggestion }`? De map onder contracts/ heet naar de korte naam (slug) van de wijk in districts.yaml
unknown-contract-folder-help = de map onder contracts/ moet de korte naam (slug) van een wijk uit districts.yaml hebben

## items

# Namen van de onderdelen van een bestand, gebruikt als { $what } in andere berichten.
item-home-front-matter = de kop van de voorpagina
item-update = een nieuwsbericht
item-page = een pagina
item-redirect = een doorverwijzing
item-move = een verschuiving van de termijn
item-revision = een wijziging van het antwoord
item-district = een stadsdeel
item-neighbourhood = een wijk
item-opted-out = `opted_out`
item-partner = een partner
item-topic = een thema
item-contract = het contract
item-period = de looptijd
item-question = een vraag
item-progress = een regel van de voortgang
item-decision = het besluit
item-dispute = het bezwaar
value-kind = { $kind ->
    [null] niets
    [bool] ja/nee (true/false)
    [int] een heel getal
    [float] een getal
    [text] tekst
    [list] een lijst
   *[map] een reeks regels `veld: waarde`
}

## wrong-type

wrong-type = `{ $field }` moet { $expected ->
    [text] tekst
    [bool] `true` of `false`
    [int] een heel getal
    [list] een lijst
    [date] een datum
    [year] een jaartal
   *[other] { $expected }
} zijn, niet { $kind }
wrong-type-text-help = zet de tekst achter het veld; gebruik `|` en een ingesprongen blok voor meer regels, en zet tekst die met een bijzonder teken begint tussen aanhalingstekens
wrong-type-bool-help = schrijf `true` (ja) of `false` (nee)
wrong-type-int-help = schrijf een getal zoals `7`, zonder aanhalingstekens
wrong-type-list-help = schrijf een lijst als `[a, b]` of als regels die beginnen met `- `
wrong-type-date-help = schrijf een datum zoals 2011-10-15 of 15-10-2011
wrong-type-mapping = { $what } moet bestaan uit regels `veld: waarde`, niet uit { $kind }
wrong-type-mapping-help = schrijf één `veld: waarde` per regel, ingesprongen onder het onderdeel
wrong-type-opted-out = `opted_out` moet bestaan uit `since` en `note`, niet uit { $kind }
wrong-type-opted-out-help = schrijf `opted_out: { "{" } since: 2012, note: De wijkraad organiseert zelf bewonersavonden. { "}" }`
year-help = schrijf het jaar in vier cijfers, zoals `{ $field }: 2012`

## missing-field

field-empty = `{ $field }` is leeg
field-empty-label = `{ $field }` heeft geen waarde in { $what }
field-empty-text-help = schrijf de tekst, of laat het veld weg als het niet verplicht is
field-missing = { $what } heeft geen `{ $field }`
field-missing-label = `{ $field }` ontbreekt bij dit onderdeel
missing-slug-help = voeg `slug: korte-naam` toe, met kleine letters en streepjes
missing-name-help = voeg `name:` toe met de naam van { $what ->
    [district] het stadsdeel
    [neighbourhood] de wijk
    [partner] de organisatie
   *[topic] het thema
}
missing-since-help = voeg `since:` toe met het eerste jaar zonder contract, zoals `since: 2012`
missing-opted-out-note-help = voeg `note:` toe en zeg in gewone woorden waarom de wijkraad dit koos, of waar bewoners in plaats daarvan terechtkunnen
update-no-front-matter = dit nieuwsbericht heeft geen kop tussen `---`-regels
update-no-front-matter-help = begin het bestand met een `---`-blok met minstens `title:` en `date:`
missing-update-title-help = voeg `title:` toe met de kop van het nieuwsbericht
missing-update-date-help = voeg `date:` toe, zoals `date: 2011-10-21`
page-no-front-matter = deze pagina heeft geen kop met een `title`
page-no-front-matter-help = begin het bestand met:
    ---
    title: De titel van de pagina
    ---
missing-page-title-help = voeg `title:` toe met de titel van de pagina
missing-redirect-help = schrijf `- { "{" } from: /wijken/oud/, to: /wijken/nieuw/ { "}" }`
missing-period-help = schrijf `period: { "{" } from: 2011-04-01, to: 2012-03-31 { "}" }`
missing-signatories-help = voeg `signatories: [wijkraad, gemeente, …]` toe met de partners die hebben getekend
missing-id-help = voeg `id:` toe met het volgende vrije nummer in dit contract
missing-title-help = voeg `title:` toe met een korte titel
missing-asked-help = voeg `asked:` toe met de vraag zoals bewoners die stelden
missing-topic-help = voeg `topic:` toe met een korte naam uit topics.yaml
missing-partner-help = voeg `partner:` toe met de korte naam van de partner die verantwoordelijk is
missing-outcome-help = voeg `outcome:` toe: resolved, honoured, scheduled, prioritised of declined (of in het Nederlands: direct opgelost, binnen de looptijd, al gepland, meegenomen in prioritering, kan niet/mag niet)
missing-progress-help = schrijf `- { "{" } date: 2011-06-01, state: started, note: … { "}" }`
missing-decision-help = schrijf `decision: { "{" } date: 2011-11-30, included: true, note: … { "}" }`
missing-dispute-help = schrijf `disputed: { "{" } date: 2011-09-01, note: wat de wijkraad zegt { "}" }`
missing-move-help = bij elke verschuiving horen de dag van de afspraak, de nieuwe `{ $key }` en waarom: `- { "{" } date: 2026-09-15, { $key }: 2027-Q1, reason: De aannemer is failliet. { "}" }`
missing-revision-help = bij elke wijziging horen de datum, het antwoord van daarvoor en waarom: `- { "{" } date: 2026-10-01, from: honoured, reason: Er bleek geen vergunning mogelijk. { "}" }`
open-data-missing = site.toml heeft geen tabel `[open_data]`: de catalogus van de open data heeft een uitgever en een contactpunt nodig
open-data-missing-label = zet [open_data] hier
open-data-missing-help = zet dit onderaan site.toml, met je eigen organisatie (de TOOI-code mag je weglaten):
    
    { "[" }open_data]
    publisher = { "{" } name = "Gemeente Haarlem", uri = "https://identifier.overheid.nl/tooi/id/gemeente/gm0392" { "}" }
    contact = { "{" } name = "Team Wijkcontracten", email = "wijkcontracten@haarlem.nl" { "}" }
open-data-no-publisher = `[open_data]` heeft geen `publisher`: de organisatie die de open data uitgeeft
open-data-no-publisher-help = zet `publisher = { "{" } name = "Gemeente Haarlem" { "}" }` onder [open_data], met de naam van je organisatie
open-data-no-contact = `[open_data]` heeft geen `contact`: waar lezers van de open data met hun vragen terechtkunnen
open-data-no-contact-help = zet `contact = { "{" } name = "Team Wijkcontracten", email = "wijkcontracten@haarlem.nl" { "}" }` onder [open_data]; een `url` van een contactformulier kan ook
open-data-contact-no-way = het contact voor de open data heeft geen `email` en geen `url`
open-data-contact-no-way-help = zet er `email = "wijkcontracten@haarlem.nl"` bij (een gedeeld adres, niet dat van één persoon) of `url = "https://…/contact"`
open-data-name-empty = de `name` is leeg
open-data-name-empty-help = schrijf de naam van de organisatie of het team, zoals `name = "Gemeente Haarlem"`

## unknown-key

unknown-key = onbekend veld `{ $key }` in { $what }
unknown-key-suggest = bedoel je `{ $suggestion }`?
unknown-key-known = in { $what } kunnen staan: { $known }
intro-front-matter = een wijkintroductie heeft geen kop tussen `---`-regels; die wordt overgeslagen
intro-front-matter-help = de naam en de wijkraad staan in districts.yaml; haal het `---`-blok weg
narrative-front-matter = het verhaal bij een contract heeft geen kop tussen `---`-regels; die wordt overgeslagen
narrative-front-matter-help = de gegevens van het contract staan in het .yaml-bestand; haal het `---`-blok weg

## invalid-slug

invalid-slug = `{ $slug }` is geen geldige korte naam (slug)
invalid-slug-help = een korte naam heeft alleen kleine letters, cijfers en losse streepjes
invalid-slug-suggest-help = een korte naam heeft alleen kleine letters, cijfers en losse streepjes: probeer `{ $suggestion }`
invalid-slug-wijkraad = `wijkraad` is gereserveerd voor de wijkraad in `signatories`
invalid-slug-wijkraad-help = geef de partner een andere korte naam
invalid-page-name = `{ $stem }.md` is geen geldige naam voor een pagina
invalid-page-name-help = de naam van een pagina is een korte naam (kleine letters, cijfers, streepjes): probeer `{ $suggestion }.md`

## duplicate-slug

duplicate-slug = { $what ->
    [district] het stadsdeel
    [neighbourhood] de wijk
    [partner] de partner
   *[topic] het thema
} `{ $slug }` staat er twee keer in
duplicate-slug-first = hier staat het de eerste keer
duplicate-slug-help = { $what ->
    [district] elk stadsdeel
    [neighbourhood] elke wijk
    [partner] elke partner
   *[topic] elk thema
} heeft een eigen korte naam nodig; geef er één een andere naam of haal er één weg
duplicate-update = twee nieuwsberichten krijgen hetzelfde adres /nieuws/{ $slug }/
duplicate-update-other = het andere nieuwsbericht
duplicate-update-help = geef een van de bestanden een andere naam na de datum

## field-not-applicable

opted-out-contract = { $name } heeft sinds { $since } gekozen voor geen contract, maar er is een contract voor { $years }
opted-out-contract-help = heeft de wijkraad weer voor een contract gekozen, haal dan `opted_out` weg bij { $slug }; is de wijk later gestopt, zet `since` dan op het eerste jaar zonder contract ({ $year })
opted-out-contract-for = het contract voor { $year }
field-not-applicable = `{ $field }` hoort niet bij de uitkomst `{ $outcome }` ({ $label })
field-not-applicable-outcome = hier staat de uitkomst
field-not-applicable-help = `{ $field }` hoort bij { $owners }; haal het weg, of verander de uitkomst
volunteers-not-applicable = `needs_volunteers` hoort niet bij een vraag, alleen bij een initiatief
volunteers-not-applicable-help = voeg `kind: initiative` toe als bewoners dit zelf doen en het doorgaat zodra genoeg bewoners meedoen; haal anders `needs_volunteers` weg
volunteers-not-applicable-kind = hier staat de soort
move-wrong-deadline = dit antwoord is `{ $outcome }`, dus een verschuiving verandert `{ $key }`, niet `{ $other }`
move-wrong-deadline-help = verander `{ $other }` in `{ $key }`
field-not-applicable-help-many = `{ $field }` hoort bij { $owners } en { $last }; haal het weg, of verander de uitkomst

## invalid-file-name

invalid-update-name = `{ $stem }.md` heeft niet de vorm jjjj-mm-dd-naam.md
invalid-update-name-help = geef een nieuwsbericht de datum en een korte naam, zoals `2011-10-21-lantaarnpalen.md`
reserved-page-name = `pages/{ $stem }.md` zou het adres /{ $stem }/ krijgen, en dat gebruikt de site al voor een eigen pagina
reserved-page-name-help = geef de pagina een andere bestandsnaam, zoals `over-{ $stem }.md`
invalid-contract-name = `{ $stem }.yaml` heeft geen jaartal als naam
invalid-contract-name-help = geef een contract het jaar waarin de looptijd begint als naam, zoals `2011.yaml`
path-not-utf8 = deze naam is geen UTF-8-tekst, dus hij kan geen adres worden; het bestand wordt overgeslagen
path-not-utf8-help = geef het bestand of de map een naam met gewone letters, cijfers en streepjes

## date-mismatch

date-mismatch = volgens de bestandsnaam is het { $file }, maar `date` is { $date }
date-mismatch-help = geef het bestand een andere naam of verbeter de datum, zodat de bestanden op datum staan

## no-questions

no-questions = het contract heeft geen vragen
no-questions-help = voeg `questions:` toe met minstens één vraag
no-questions-empty-help = een contract legt minstens één vraag vast; zet die onder `questions:`

## year-mismatch

year-mismatch = het bestand heet { $file }.yaml, maar de looptijd begint in { $start }
year-mismatch-help = noem het bestand { $start }.yaml, of verbeter de looptijd

## duplicate-id

duplicate-id = vraagnummer { $id } staat twee keer in dit contract
duplicate-id-first = hier staat het de eerste keer
duplicate-id-help = een nummer is een vaste link en wordt nooit opnieuw gebruikt: geef deze vraag het volgende vrije nummer, { $next }

## period-order

period-order = de looptijd eindigt voordat hij begint
period-order-start = hier begint hij
period-order-help = draai `from` en `to` om, of verbeter het jaar

## missing-when, missing-reason, missing-ground, missing-planning-adjusted, missing-report-by

outcome-needs = bij de uitkomst `{ $outcome }` ({ $label }) hoort `{ $field }`
outcome-needs-label = `{ $field }` ontbreekt bij deze uitkomst
missing-when-honoured-help = zeg wanneer het klaar is: `when: 2011-10` (een jaar, een kwartaal zoals 2011-Q3, een maand of een dag)
missing-when-scheduled-help = zeg wanneer het geplande werk gebeurt: `when: 2013` (een jaar, kwartaal, maand of dag)
missing-planning-adjusted-help = zeg of de planning naar voren is gehaald: `planning_adjusted: true` of `false` (met een `reason`)
missing-reason-planning = de planning is niet naar voren gehaald, maar er staat geen `reason` bij die zegt waarom
missing-reason-planning-help = voeg `reason:` toe en leg uit waarom het werk niet eerder kan
missing-report-by-help = zeg wanneer de wijkraad de uitkomst hoort: `report_by: 2011-12`
missing-reason-help = voeg `reason:` toe en leg in gewone woorden uit waarom het niet kan
missing-ground-help = voeg `ground:` toe: legal, policy of financial (of: wettelijk, beleid, financieel)
missing-move-reason-help = zeg in gewone woorden waarom de termijn is verschoven: `reason: De aannemer is failliet.`
missing-revision-reason-help = zeg in gewone woorden waarom het antwoord is veranderd: `reason: Er bleek geen vergunning mogelijk.`

## when-out-of-range

when-out-of-range = `{ $field }: { $value }` ligt ver buiten de jaren van dit contract
when-out-of-range-help = een datum voor dit contract ligt tussen { $low } en { $high }; kijk of er een tikfout in het jaar zit

## when-outside-period

when-outside-period = `when: { $value }` ligt buiten de looptijd van het contract ({ $from } tot { $to })
when-outside-period-help = `honoured` (binnen de looptijd) betekent: klaar binnen het contractjaar; gebruik `scheduled` (al gepland) voor later werk, of verbeter de datum

## progress-out-of-order

progress-out-of-order = { $date } komt vóór de regel erboven ({ $previous })
progress-out-of-order-above = de regel erboven
progress-out-of-order-help = zet de voortgang op volgorde, oudste eerst, en kijk of er een tikfout in de datums zit

## date-in-future

date-in-future = { $date } ligt in de toekomst (vandaag is het { $today })
date-in-future-help = schrijf alleen op wat al gebeurd is; voor een volgende stap gebruik je `when` bij het antwoord
move-date-in-future-help = geef een verschuiving de datum van de dag waarop die is afgesproken, niet de dag van de nieuwe termijn
revision-date-in-future-help = geef een wijziging de datum van de dag waarop het antwoord veranderde

## move-unchanged

move-unchanged = deze verschuiving verandert de termijn niet: die is al { $deadline }
move-unchanged-help = een verschuiving legt een nieuwe termijn vast: schrijf de nieuwe `{ $key }`, of haal deze regel weg

## revision-unchanged

revision-unchanged-current = `from: { $key }` is het antwoord zoals het nu is, dus er is niets veranderd
revision-unchanged-current-label = het antwoord zoals het nu is
revision-unchanged-next = `from: { $key }` is ook het antwoord waar de volgende wijziging mee begint, dus hier is niets veranderd
revision-unchanged-next-label = de volgende wijziging
revision-unchanged-help = `from` is het antwoord zoals het was vóór deze wijziging: verbeter het, of haal deze regel weg

## history-out-of-order

history-out-of-order = { $what ->
    [move] deze verschuiving
   *[revision] deze wijziging van het antwoord
} heeft de datum { $date }, vóór de regel erboven ({ $before })
history-out-of-order-help = zet de regels op volgorde, oudste eerst, en kijk of er een tikfout in de datums zit

## promise-changed

promise-changed-published = zo gepubliceerd in { $file }
promise-changed-label = veranderd na publicatie
promise-changed-outcome = het antwoord op { $question } is gepubliceerd als `outcome: { $was }` en is nu `outcome: { $now }`, zonder een regel onder `revised` die de wijziging vastlegt
promise-changed-outcome-help = een gepubliceerd antwoord herschrijf je niet: { $add }; of zet `outcome: { $was }` terug als dit een vergissing was
promise-changed-add-revised = voeg `revised: [{ $entry }]` toe aan de vraag
promise-changed-append-revised = zet `- { $entry }` onderaan de lijst `revised`
promise-changed-deadline = de termijn van { $question } is gepubliceerd als { $was } en is nu { $now }, zonder een regel onder `rescheduled` die de verschuiving vastlegt
promise-deadline = { $first }
promise-deadline-moved = { $first }, verschoven naar { $moves }
promise-changed-deadline-help = een gepubliceerde termijn herschrijf je niet, je verschuift hem, met de datum en de reden: { $fix }
promise-fix-remove-rescheduled = haal `rescheduled` weg
promise-fix-add-rescheduled = voeg `rescheduled: [{ $moves }]` toe
promise-fix-make-rescheduled = maak er `rescheduled: [{ $moves }]` van
promise-fix-put-back = zet { $value } terug
promise-fix-put-back-and = zet { $value } terug en { $then }

## unknown-question

unknown-question = { $what ->
    [follows] deze vraag volgt op
   *[update] dit nieuwsbericht verwijst naar
} `{ $question }`, en die vraag bestaat niet
unknown-question-help = schrijf wijk/jaar/nummer van een vraag die bestaat, zoals `delftwijk/2010/4`

## hidden-reference

hidden-reference = `{ $question }` staat in een concept of in een contract dat nog niet openbaar is; de link blijft weg tot het openbaar is
hidden-reference-follows-help = publiceer het eerdere contract, of haal `follows` weg
hidden-reference-update-help = geef het nieuwsbericht dezelfde `publish_from` als het contract, of haal de link weg

## personal-data

personal-data = dit lijkt { $kind }, en dat mag niet gepubliceerd worden
personal-data-kind = { $kind ->
    [email] een e-mailadres
    [phone] een telefoonnummer
    [address] een postcode met huisnummer
    [bsn] een burgerservicenummer (BSN)
   *[iban] een bankrekeningnummer (IBAN)
}
personal-data-help = haal het weg of maak het algemeen ("een bewoner", "de straat"); is het een openbaar contactgegeven, zet het dan onder `[privacy] allow` in site.toml

## base-url-invalid

base-url-invalid = `base_url = "{ $url }"` is geen webadres voor de site: { $problem ->
    [no-host] het begint niet met `https://` en een domeinnaam
    [query] er staat een `?` of `#` in, en daar staat een site nooit
   *[character] er staat een spatie of een teken in dat niet in een webadres hoort
}
base-url-invalid-help = schrijf het adres waarop bewoners de site openen, zoals `base_url = "https://www.haarlem.nl/wijkcontracten/"`

## example-address

example-address = `base_url` is nog het voorbeeldadres { $url }: elke vaste link, feed, regel in de sitemap en link naar de open data wijst daarheen
example-address-label = een voorbeeldadres
example-address-help = zet `base_url` in site.toml op het echte adres van de site voordat je publiceert, zoals `base_url = "https://www.haarlem.nl/wijkcontracten/"`

## missing-file

missing-site-toml = er staat geen site.toml in de map van de site
missing-site-toml-help = start afspraak in de map van de site, gebruik --root MAP, of maak een nieuwe site met `afspraak init`
missing-file = content/{ $file } ontbreekt
missing-file-help = elke site heeft districts.yaml, partners.yaml en topics.yaml nodig in content/

## unreadable-file

cannot-read = kan dit niet lezen: { $error }
cannot-read-file = kan { $file } niet lezen: { $error }
cannot-read-file-exists-help = kijk of het bestand bestaat en of je het mag lezen
cannot-read-file-help = kijk of je het bestand mag lezen
link-outside-site = { $file } is een link naar { $target }, buiten de map van de site
link-outside-site-help = kopieer het bestand naar de site in plaats van ernaar te linken
not-ordinary-file = { $file } is geen gewoon bestand
not-ordinary-file-help = inhoud staat in gewone tekstbestanden; haal dit weg

## file-too-large

file-too-large = { $file } is { $size } MB; één bestand mag hoogstens { $limit } MB zijn
file-too-large-help = splits het contract of haal geplakt materiaal weg; een inhoudsbestand is meestal hoogstens een paar honderd kB

## not-utf8

not-utf8 = { $file } is geen UTF-8-tekst
not-utf8-help = sla het bestand op als UTF-8 (in de meeste programma's: Opslaan als… → Codering: UTF-8)

## unexpected-file

unexpected-file = afspraak gebruikt dit bestand niet
unexpected-file-yml-help = YAML-bestanden in content/ eindigen op .yaml: geef het bestand een andere naam
unexpected-file-help = in content/ horen _index.md, districts.yaml, partners.yaml, topics.yaml, redirects.yaml, neighbourhoods/<wijk>.md, contracts/<wijk>/<jaar>.yaml (en .md), updates/<jjjj-mm-dd>-<naam>.md en pages/<naam>.md (met een Engelse versie ernaast als <naam>.en.md)
narrative-without-contract = bij dit verhaal staat geen contract contracts/{ $neighbourhood }/{ $year }.yaml
narrative-without-contract-help = geef het de naam van een contract, of zet het YAML-bestand van het contract erbij

## front-matter

front-matter-unclosed = de kop die hier begint, wordt nergens afgesloten
front-matter-unclosed-help = sluit de kop af met een regel met alleen `---`

## toml-syntax

toml-unknown-field = site.toml kent het veld `{ $field }` niet
toml-unknown-field-help = in site.toml kunnen staan: title, description, base_url, language, languages, theme, output_dir, precompress, council, as_of, [privacy] allow, [notice] text, [open_data] publisher, creator, contact
toml-missing-field = in site.toml ontbreekt `{ $field }`
toml-missing-field-help = voeg het veld toe; `title` is verplicht, en onder [open_data] heeft elke publisher, creator en contact een `name`
toml-syntax = site.toml is hier niet te lezen: { $kind ->
    [quote] een aanhalingsteken wordt niet gesloten
    [bracket] een haakje wordt niet gesloten
   *[other] er staat iets wat hier niet kan ({ $detail })
}
toml-syntax-help = tekst staat tussen dubbele aanhalingstekens, lijsten tussen [ ], datums als 2011-12-31T12:00:00

## record-invalid

record-conflict = een markering van een merge-conflict in { $file }: git kon hier twee versies van het overzicht niet samenvoegen
record-conflict-label = markering van een merge-conflict
record-conflict-help = houd de regels van beide kanten en haal de markeringsregels weg (`<<<<<<<`, `=======`, `>>>>>>>`); draai dan `afspraak build`, dat { $file } opnieuw schrijft, en commit het
record-conflict-leftover = een markering van een merge-conflict in { $file }, overgebleven van een merge
record-conflict-leftover-help = haal de markeringsregel weg en houd de regels eromheen
record-no-url = deze regel van { $file } begint niet met een adres
record-not-field = `{ $field }` is geen veld van de vorm `naam=waarde`
record-not-outcome = `{ $value }` is geen uitkomst
record-not-deadline = `{ $value }` is geen termijn met zijn verschuivingen, zoals `2026-Q3>2027-Q1`
record-damaged-help = { $file } wordt geschreven door `afspraak build`: haal deze regel terug uit versiebeheer (`git checkout -- { $file }`, of de versie van vóór de wijziging); een regel die nooit gepubliceerd is, mag weg

## dropped-url

dropped-url = deze build laat { $url } weg, en dat adres heeft de site eerder gepubliceerd
dropped-url-help = { $cause } Zet `- { "{" } from: { $url }, to: <het nieuwe adres> { "}" }` in content/redirects.yaml, of bouw met --allow-dropped-urls als het adres echt weg moet
dropped-neighbourhood = De korte naam `{ $slug }` van de wijk staat niet meer in districts.yaml: heeft de wijk een andere naam gekregen?
dropped-contract-hidden = Het contract { $slug }/{ $year } is nu een concept of nog niet openbaar.
dropped-question = Vraag { $id } is weggehaald uit contracts/{ $slug }/{ $year }.yaml, of heeft een ander nummer gekregen.
dropped-contract-file = Het bestand contracts/{ $slug }/{ $year }.yaml is weg.
dropped-contract = Het contract contracts/{ $slug }/{ $year }.yaml is weggehaald, hernoemd of een concept geworden.
dropped-partner = De partner `{ $slug }` staat niet meer in partners.yaml: heeft die een andere naam gekregen?
dropped-topic = Het thema `{ $slug }` staat niet meer in topics.yaml: heeft het een andere naam gekregen?
dropped-district = Het stadsdeel `{ $slug }` staat niet meer in districts.yaml: heeft het een andere naam gekregen?
dropped-update = Het nieuwsbericht `{ $slug }` is weggehaald of hernoemd in content/updates/.
dropped-page = De pagina content/pages/{ $slug }.md is weggehaald of hernoemd.
dropped-other = De pagina met dit adres is weg.

## id-reused

id-reused = de vraag op { $url } was "{ $old }" en is nu "{ $new }"
id-reused-help = een vraagnummer blijft altijd hetzelfde: is dit een andere vraag, geef die dan een nieuw nummer en zet de oude vraag terug

## redirect-conflict

redirect-hides-page = { $from } is nog een pagina van deze site; een doorverwijzing kan die niet vervangen
redirect-hides-page-help = haal deze doorverwijzing weg, of haal de pagina die hij zou verbergen weg of geef die een andere naam
redirect-to-nowhere = de doorverwijzing gaat naar { $to }, en dat adres publiceert deze build niet
redirect-to-nowhere-help = kijk of er een tikfout in het nieuwe adres zit

## placeholder-text

placeholder-text = hier staat nog de voorbeeldtekst "{ $text }"
placeholder-text-label = voorbeeldtekst
placeholder-text-help = vervang de voorbeeldtekst door je eigen tekst, of zet `draft: true` in het bestand tot het af is

## init-refusals

init-not-a-folder = { $dir } bestaat al en is geen map
init-not-empty = { $dir } is niet leeg; `init` schrijft alleen in een lege of nieuwe map, zodat er niets wordt overschreven
cannot-write = kan { $path } niet schrijven
new-not-a-year = { $year } is geen jaar voor een contract; schrijf het jaar waarin het contract begint, zoals 2026
new-not-a-slug = `{ $slug }` is geen korte naam van een wijk (kleine letters, cijfers en streepjes)
new-no-neighbourhoods = in { $file } staan geen wijken; draai `new` in de map van een site, of gebruik --root
new-known-neighbourhoods = deze wijken zijn er: { $known }
new-unknown-neighbourhood = in content/districts.yaml staat geen wijk `{ $slug }`; { $hint }
new-exists = { $path } bestaat al; `new` overschrijft nooit een contract

## progress and serve

progress-render-detail = { $contracts } { $contracts ->
    [one] contract
   *[other] contracten
}, { $languages } { $languages ->
    [one] taal
   *[other] talen
}, naar { $out }
progress-write-detail = { $files } bestanden naar { $out }
serve-serving = de site staat klaar op { $url } (stoppen: Ctrl-C)
serve-stopping = gestopt
serve-rebuilt = opnieuw gebouwd in { $ms } ms
serve-rebuild-failed = opnieuw bouwen lukte niet ({ $ms } ms): de laatste goede versie blijft te zien, met de fouten op elke pagina
serve-reachable = het voorbeeld op { $bind } is te bereiken vanaf andere computers, concepten en stukken onder embargo ook; het antwoordt alleen op de namen die je met --host hebt opgegeven
serve-bad-bind = `{ $bind }` is geen adres om op te luisteren; gebruik bijvoorbeeld 127.0.0.1, ::1 of ::
serve-remote-refused = met --bind { $bind } is het voorbeeld te bereiken vanaf andere computers, concepten en stukken onder embargo ook; zet er --allow-remote bij om dat te bevestigen, of laat --bind weg
serve-cannot-open = kan de map van de site niet openen, { $dir }: { $error }
serve-port-in-use = poort { $port } op { $bind } is al in gebruik (draait er al een afspraak serve?); stop dat programma of kies een andere poort met --port


## Betrouwbaarheid, ronde 2 (issue 18)

yaml-too-large = dit bestand bevat meer dan { $limit } waarden (lijsten, velden en teksten), meer dan een inhoudsbestand mag hebben; ongeveer 20.000 vragen komen daarboven
yaml-too-large-help = splits het: geef elk contractjaar een eigen bestand, en houd het aantal vragen in een contract ruim onder dat getal
output-in-sources = de site wordt niet in { $dir } geschreven: die map ligt in de map { $folder }/ van de site, waarvan elk bestand als bron wordt gelezen; kies een --output buiten { $folder }/, zoals public/

## Reliability, round 2: redirects and import read-back (merged)
redirect-circle = de doorverwijzingen gaan in een kringetje rond: { $chain }
redirect-into-circle = deze doorverwijzing leidt naar doorverwijzingen die in een kringetje rondgaan: { $from } → { $chain }
redirect-circle-help = laat een van deze doorverwijzingen naar een pagina van de site wijzen
redirect-to-hidden = deze doorverwijzing leidt naar een pagina die niet openbaar is (een concept, of onder embargo)
redirect-to-hidden-help = laat de doorverwijzing naar een openbare pagina wijzen, of voeg haar toe als de pagina gepubliceerd is
import-unreadable-after = het contractbestand zou na deze import niet meer te lezen zijn ({ $error }); er is niets geschreven
import-not-written = vraag { $id } kon niet in het contractbestand worden geschreven; er is niets geschreven
import-reads-back = `{ $value }` zou uit het contractbestand terugkomen als { $got }; er is niets geschreven
import-reads-back-nothing = niets

## map-invalid, map-missing-shape (content/map.geojson)

map-invalid-help = content/map.geojson is een GeoJSON FeatureCollection met voor elke wijk een Polygon of MultiPolygon en `"properties": {"{"} "slug": "…" {"}"}`; de slugs staan in districts.yaml
map-not-json = dit is geen geldige JSON: { $error }
map-not-collection = de kaart moet een GeoJSON FeatureCollection zijn
map-not-geojson = dit is geen geldige GeoJSON: { $error }
map-no-slug = vorm { $number } heeft geen `slug` in zijn `properties`
map-not-polygon = de vorm van `{ $slug }` is geen Polygon of MultiPolygon
map-bad-ring = de vorm van `{ $slug }` heeft een rand met minder dan vier punten of een ongeldige coördinaat
map-duplicate = de wijk `{ $slug }` staat twee keer op de kaart
map-too-large = de kaart heeft { $points } punten; het mogen er hoogstens { $max } zijn
map-missing-shape = { $count } wijken uit districts.yaml hebben geen vorm op de kaart
map-missing-shape-help = voeg een vorm met hun slug toe; de lijst onder de kaart noemt ze wel

## Short links in the record (merged)
record-not-code = `{ $value }` is geen code van een korte link

# The editor of `serve`: a save from the browser was written.
serve-saved = opgeslagen vanuit de browser: { $file }
item-translation = een vertaling
translation-without-original = bij deze vertaling hoort het Nederlandse bestand { $original }, maar dat is er niet
translation-without-original-help = een Engelse versie heeft de naam van het Nederlandse bestand met `.en` ervoor: `2026-03-01-moestuin.md` wordt `2026-03-01-moestuin.en.md`; hernoem het bestand of zet het Nederlandse bestand erbij
translation-no-front-matter = deze vertaling heeft geen kop met een `title`
translation-no-front-matter-help = begin het bestand met:
    ---
    title: De Engelse titel
    ---
missing-translation-title-help = voeg `title:` toe met de Engelse titel
item-topic-english = de Engelse naam van een thema
missing-topic-english-name-help = schrijf `en: { "{" } name: Clean { "}" }`: de Engelse naam van het thema

## The command line's help (`afspraak --help`) and usage errors
cli = afspraak — de afspraken met de wijken als openbare website.
cli-usage = Gebruik
cli-commands = Opdrachten
cli-command-value = OPDRACHT
cli-arguments = Wat je opgeeft
cli-options = Opties
cli-options-tag = [OPTIES]
cli-help-flag = Toon deze hulp
cli-version-flag = Toon het versienummer
cli-help-command = Toon deze hulp, of de hulp bij een opdracht
cli-help-command-arg = De opdracht waarover je hulp wilt
cli-value-root = MAP
cli-value-format = VORM
cli-value-as_of = MOMENT
cli-value-output = MAP
cli-value-port = POORT
cli-value-bind = ADRES
cli-value-hosts = NAAM
cli-value-file = BESTAND
cli-value-contract = WIJK/JAAR
cli-value-dir = MAP
cli-value-neighbourhood = WIJK
cli-value-year = JAAR
cli-check = Controleer de hele site en noem elk probleem; er wordt niets geschreven.
cli-check-root = De map van de site (met site.toml en content/). Standaard de map waar je nu bent.
cli-check-format = Hoe de meldingen eruitzien: human (om te lezen, standaard) of json (voor andere programma's).
cli-check-as_of = Controleer de site zoals die op dit moment is (Nederlandse tijd), bijvoorbeeld 2011-12-31T12:00.
cli-build = Maak de site in de uitvoermap (standaard output_dir uit site.toml, "public").
cli-build-root = De map van de site (met site.toml en content/). Standaard de map waar je nu bent.
cli-build-output = Waar de site komt. Standaard output_dir uit site.toml.
cli-build-as_of = Maak de site zoals die op dit moment is (Nederlandse tijd), bijvoorbeeld om een embargo te bekijken; published.txt blijft dan zoals het was.
cli-build-allow_dropped_urls = Sta toe dat adressen verdwijnen die de site eerder publiceerde (ze worden als waarschuwing genoemd en gaan uit published.txt).
cli-build-timings = Toon hoe lang elke stap duurde (lezen, controleren, maken, schrijven).
cli-serve = Bekijk de site voordat je publiceert: maak haar in het geheugen, toon haar in je browser en werk haar bij na elke wijziging.
cli-serve-root = De map van de site. Standaard de map waar je nu bent.
cli-serve-port = De poort waarop de site te zien is. Standaard 8080.
cli-serve-bind = Het adres waarop de site te zien is. Standaard 127.0.0.1: alleen op deze computer.
cli-serve-hosts = Een naam waaronder de site ook te bereiken is, naast localhost en het adres (mag vaker).
cli-serve-allow_remote = Bevestig een adres bij --bind dat andere computers kunnen bereiken.
cli-import = Neem vragen uit een spreadsheet (CSV of XLSX) over in een contractbestand.
cli-import-file = De spreadsheet: .csv (met komma's of puntkomma's, UTF-8) of .xlsx.
cli-import-contract = Het contract dat je bijwerkt of maakt, als WIJK/JAAR.
cli-import-root = De map van de site. Standaard de map waar je nu bent.
cli-init = Maak een nieuwe site met een klein voorbeeld en het startpakket in MAP (die leeg of nieuw moet zijn).
cli-init-dir = De map waarin de site komt.
cli-new = Maak een bestand om in te vullen.
cli-new-contract = Een contractbestand: content/contracts/WIJK/JAAR.yaml.
cli-new-contract-neighbourhood = De slug van de wijk, zoals in districts.yaml.
cli-new-contract-year = Het jaar waarin het contract begint.
cli-new-contract-root = De map van de site. Standaard de map waar je nu bent.
cli-not-a-moment = `{ $value }` is geen datum en tijd; schrijf bijvoorbeeld 2011-12-31 of 2011-12-31T12:00
cli-error-unknown-argument = de optie `{ $arg }` ken ik niet
cli-error-unknown-command = de opdracht `{ $command }` ken ik niet
cli-error-missing = dit moet je nog opgeven: { $args }
cli-error-missing-command = kies een opdracht: { $valid }
cli-error-invalid-value = `{ $value }` kan niet bij { $arg }; kies uit: { $valid }
cli-error-value = `{ $value }` kan niet bij { $arg }: { $reason }
cli-error-conflict = { $arg } gaat niet samen met een andere optie die je gaf
cli-error-too-many = { $arg } krijgt meer dan één waarde
cli-error-other = dat begrijp ik niet ({ $error })
cli-did-you-mean = bedoel je `{ $suggestion }`?
cli-more = Meer uitleg: { $command } --help

## Refusals and failures outside the diagnostics: the output folder, the theme, serve, import
output-cannot-open-root = kan de map van de site { $dir } niet openen
output-is-sources = de site wordt niet in { $dir } geschreven: daar staan de bronnen van de site zelf; kies een andere --output
output-holds-a-site = de site wordt niet in { $dir } geschreven: daar staan content/ of site.toml; kies een andere --output
output-is-a-file = de site wordt niet in { $dir } geschreven: dat is een bestand, geen map
output-not-ours = de site wordt niet in { $dir } geschreven: die map is niet leeg en is niet door afspraak gemaakt (de index.html heeft geen `{ $generator }`); maak de map leeg, of kies een andere --output
output-locked = er schrijft al een andere build in { $dir } (die heeft { $path }); wacht tot die klaar is en maak de site dan opnieuw
output-cannot-lock = kan { $path } niet vastzetten voor deze build
output-no-parent = { $dir } kan geen uitvoermap zijn: kies een map met een naam, zoals public/
output-cannot-remove = kan de vorige uitvoer { $dir } niet weghalen
output-cannot-move-aside = kan de vorige uitvoer { $dir } niet opzij zetten
output-cannot-move-into = kan de nieuwe site niet naar { $dir } verplaatsen
cannot-create = kan de map { $path } niet maken
cannot-remove = kan { $path } niet weghalen
cannot-read-path = kan { $path } niet lezen
internal-outside-output = interne fout: { $path } zou buiten de uitvoermap komen; er is niets geschreven
theme-missing = in site.toml staat theme = "{ $name }", maar er is geen map themes/{ $name }/
theme-not-utf8 = { $path } in het thema is geen UTF-8-tekst; sla het bestand op als UTF-8
theme-texts-invalid = de teksten van het thema in { $path } zijn niet te lezen: { $error }
theme-templates-invalid = de sjablonen van het thema hebben een fout:
theme-no-language = het thema heeft geen teksten voor de taal `{ $lang }`; voeg i18n/{ $lang }.yaml aan het thema toe
render-failed = de pagina { $url } kon niet worden gemaakt met het sjabloon { $template }:
serve-wrong-host = deze voorvertoning antwoordt alleen op localhost en op de namen die je met --host opgaf
serve-cannot-listen = kan niet luisteren op { $addr }: { $error }
serve-cannot-watch = kan de map { $dir } niet in de gaten houden: { $error }
import-contract-unreadable = het contractbestand is niet te lezen ({ $error }); herstel het eerst (`afspraak check` zegt hoe)
import-contract-not-a-mapping = het contractbestand bestaat niet uit regels `sleutel: waarde`; herstel het eerst (`afspraak check` zegt hoe)
line-column = regel { $line }, kolom { $column }: { $message }
