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

## serve

serve-overlay-title = De site kan niet worden gebouwd
serve-overlay-text = Hieronder staat wat er mis is. Als je de verbetering opslaat, verdwijnt deze melding vanzelf.

## invalid-value

invalid-value-keyword = `{ $value }` kan niet bij { $field }
invalid-value-keyword-help = bij `{ $field }` kun je kiezen uit: { $keys } (of in het Nederlands: { $dutch })
invalid-value-keyword-suggest-help = bedoel je `{ $suggestion }`? Bij `{ $field }` kun je kiezen uit: { $keys } (of in het Nederlands: { $dutch })

## invalid-date

invalid-date-does-not-exist = `{ $field }: { $value }` is een datum die niet bestaat
invalid-date-format = `{ $field }: { $value }` is geen datum
invalid-date-vague = `{ $field }: { $value }` is geen vaste periode; dan kan niemand zien wanneer de afspraak af moet zijn
invalid-date-vague-help = schrijf een kwartaal (2027-Q2 of "tweede kwartaal 2027"), een maand (2027-05 of "mei 2027") of een dag (2027-05-15 of 15-05-2027)
invalid-date-day = schrijf een dag, zoals 2011-10-15 of 15-10-2011
invalid-date-when = schrijf een jaar (2012), kwartaal (2011-Q3 of "derde kwartaal 2011"), maand (2011-10 of "oktober 2011") of dag (2011-10-15 of 15-10-2011)
invalid-date-datetime = schrijf een datum en tijd in Nederlandse tijd, zoals 2011-04-14T10:00

## empty-file

empty-file = deze YAML is leeg
empty-file-help = vul de velden in die dit bestand nodig heeft; de handleiding (docs/handleiding.md) beschrijft ze per bestand

## yaml-syntax

yaml-syntax = de YAML is hier niet te lezen ({ $detail })
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

duplicate-key = hetzelfde veld staat twee keer in één onderdeel ({ $detail })
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
