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
