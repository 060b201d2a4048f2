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
