# The messages of the command line in English. Every message has the same id
# in nl.ftl. Add new messages at the end of their section, one entry (or one
# small group of entries) per diagnostic code.

## Summaries and progress

summary-errors = { $errors } { $errors ->
    [one] error
   *[other] errors
}, { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
}
check-ok = checked { $contracts } { $contracts ->
    [one] contract
   *[other] contracts
} with { $questions } { $questions ->
    [one] question
   *[other] questions
}, { $updates } { $updates ->
    [one] update
   *[other] updates
} and { $pages } { $pages ->
    [one] page
   *[other] pages
}: no problems
build-nothing-written = nothing was written: fix the errors above and build again
build-done = built { $files } files into { $out } in { $seconds } s
build-done-none-changed = built { $files } files into { $out } in { $seconds } s (none changed)
build-done-changed = built { $files } files into { $out } in { $seconds } s ({ $changed } changed)
no-site-here = no site here: go to the folder with site.toml, or use --root
no-site-here-help = { $dir } has no site.toml. Start a new site with `afspraak init FOLDER`.
error-prefix = error
level-error = error
level-warning = warning
level-help = help
level-note = note
progress-load = reading files
progress-validate = checking
progress-render = making pages
progress-write = writing

## init and new

init-done = created a new site in { $dir } ({ $files } files)
init-next = next: cd { $dir } && afspraak check && afspraak build; the guide is in LEESMIJ.md
new-done = wrote { $path }: fill it in, then run `afspraak check`

## import

import-done = { $created ->
    [yes] created
   *[no] updated
} { $path }: { $added } added [{ $added_ids }], { $updated } updated [{ $updated_ids }], { $unchanged } unchanged
import-problems = { $count } { $count ->
    [one] problem
   *[other] problems
} in the spreadsheet; nothing was written:
import-row = row { $row }: { $message }
import-row-column = row { $row }, column { $column }: { $message }
import-not-utf8 = this row is not UTF-8 text; save the spreadsheet as "CSV UTF-8" (in Excel: Save as, then CSV UTF-8) and import again
import-formula-no-value = the cell holds the formula ={ $formula } but no calculated value; open the file in Excel or LibreOffice and save it, or type the value instead

## serve

serve-overlay-title = The site cannot be built
serve-overlay-text = Below is what is wrong. Once you save the fix, this message goes away by itself.

## invalid-value

invalid-value-keyword = `{ $value }` is not a valid { $field }
invalid-value-keyword-help = `{ $field }` is one of: { $keys } (or in Dutch: { $dutch })
invalid-value-keyword-suggest-help = did you mean `{ $suggestion }`? `{ $field }` is one of: { $keys } (or in Dutch: { $dutch })

## invalid-date

invalid-date-does-not-exist = `{ $field }: { $value }` is a date that does not exist
invalid-date-format = `{ $field }: { $value }` is not a date
invalid-date-vague = `{ $field }: { $value }` is not a fixed stretch of days, so no one can tell when the promise is due
invalid-date-vague-help = write a quarter (2027-Q2 or "tweede kwartaal 2027"), a month (2027-05 or "mei 2027") or a day (2027-05-15 or 15-05-2027)
invalid-date-day = write a day, such as 2011-10-15 or 15-10-2011
invalid-date-when = write a year (2012), quarter (2011-Q3 or "derde kwartaal 2011"), month (2011-10 or "oktober 2011") or day (2011-10-15 or 15-10-2011)
invalid-date-datetime = write a date and time in Dutch time, such as 2011-04-14T10:00

## empty-file

empty-file = this YAML is empty
empty-file-help = write the fields this file needs; the guide (docs/handleiding.md) shows each file's fields

## yaml-syntax

yaml-syntax = the YAML cannot be read here: { $detail }
yaml-syntax-help = check the indentation (spaces, lined up with the line above) and that every bracket and quote is closed
yaml-syntax-tab = there is a tab in the indentation
yaml-syntax-tab-help = YAML is indented with spaces, never tabs; replace the tab with spaces
yaml-no-space-after-colon = there is no space after the colon of `{ $key }:`
yaml-no-space-after-colon-help = put a space after the colon: `{ $key }: …`
yaml-colon-in-value = the text of `{ $key }` holds a colon followed by a space, which YAML reads as a new key
yaml-colon-in-value-help = put the whole text in double quotes: { $key }: { $quoted }
yaml-apostrophe = the text of `{ $key }` starts with an apostrophe, which YAML reads as the start of a quoted text that never ends
yaml-apostrophe-help = put the whole text in double quotes: { $key }: { $quoted }

yaml-no-space-after-colon-label = a space belongs after this colon
yaml-colon-in-value-label = this colon
yaml-apostrophe-label = this text starts with an apostrophe
## duplicate-key

duplicate-key = { $detail }
duplicate-key-help = each key may appear once per item; remove or rename one of them

## yaml-too-complex

yaml-too-complex = this YAML nests too deeply or repeats aliases too often to be read safely
yaml-too-complex-help = content files need no deep nesting or repeated aliases (`*name`); write the values out

## unknown-partner, unknown-topic, unknown-neighbourhood, unknown-district

unknown-slug = unknown { $what } `{ $slug }`
unknown-slug-suggest = did you mean `{ $suggestion }`?
unknown-slug-none = { $file } defines none yet; add it there
unknown-slug-known = { $file } defines: { $known }
unknown-slug-many = add it to { $file }, or use one of the slugs defined there

## map-invalid, map-missing-shape (content/map.geojson)

map-invalid-help = content/map.geojson is a GeoJSON FeatureCollection with a Polygon or MultiPolygon for each neighbourhood and `"properties": {"{"} "slug": "…" {"}"}`; the slugs are in districts.yaml
map-not-json = this is not valid JSON: { $error }
map-not-collection = the map must be a GeoJSON FeatureCollection
map-not-geojson = this is not valid GeoJSON: { $error }
map-no-slug = shape { $number } has no `slug` in its `properties`
map-not-polygon = the shape of `{ $slug }` is not a Polygon or MultiPolygon
map-bad-ring = the shape of `{ $slug }` has a ring of fewer than four points or an invalid coordinate
map-duplicate = the neighbourhood `{ $slug }` is on the map twice
map-too-large = the map has { $points } points; at most { $max } are allowed
map-missing-shape = { $count } neighbourhoods of districts.yaml have no shape on the map
map-missing-shape-help = add a shape with their slug; the list below the map still names them
