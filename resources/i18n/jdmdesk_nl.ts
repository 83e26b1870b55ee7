<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name></name>
    <message>
        <source>not a number (NaN and infinity are not values)</source>
        <translation>geen getal (NaN en oneindig zijn geen waarden)</translation>
    </message>
    <message>
        <source>use one decimal separator and no thousands separator</source>
        <translation>gebruik één decimaalteken en geen scheidingsteken voor duizendtallen</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a number</source>
        <translation>&apos;{value}&apos; is geen getal</translation>
    </message>
    <message>
        <source>number out of range</source>
        <translation>getal buiten bereik</translation>
    </message>
    <message>
        <source>use one &apos;&lt;&apos; or &apos;&gt;&apos; before the number</source>
        <translation>gebruik één &apos;&lt;&apos; of &apos;&gt;&apos; vóór het getal</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>moet een geheel getal zijn</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a calendar date</source>
        <translation>&apos;{value}&apos; is geen bestaande datum</translation>
    </message>
    <message>
        <source>type a date as yyyy-mm-dd or dd-mm-yyyy</source>
        <translation>typ een datum als dd-mm-jjjj of jjjj-mm-dd</translation>
    </message>
    <message>
        <source>type a time as hh:mm</source>
        <translation>typ een tijd als uu:mm</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a time of day</source>
        <translation>&apos;{value}&apos; is geen tijdstip</translation>
    </message>
    <message>
        <source>contains an invalid character (unpaired surrogate)</source>
        <translation>bevat een ongeldig teken (ongepaarde surrogaat)</translation>
    </message>
    <message>
        <source>contains a NUL character</source>
        <translation>bevat een NUL-teken</translation>
    </message>
    <message>
        <source>contains a control character (U+{code:04X})</source>
        <translation>bevat een stuurteken (U+{code:04X})</translation>
    </message>
    <message>
        <source>contains a line or paragraph separator (U+{code:04X}): use a plain line break</source>
        <translation>bevat een regel- of alineascheidingsteken (U+{code:04X}): gebruik een gewone regelovergang</translation>
    </message>
    <message>
        <source>contains a line or paragraph separator (U+{code:04X})</source>
        <translation>bevat een regel- of alineascheidingsteken (U+{code:04X})</translation>
    </message>
    <message>
        <source>contains a text-direction control character (U+{code:04X})</source>
        <translation>bevat een teken dat de schrijfrichting stuurt (U+{code:04X})</translation>
    </message>
    <message>
        <source>contains an invisible formatting character (U+{code:04X})</source>
        <translation>bevat een onzichtbaar opmaakteken (U+{code:04X})</translation>
    </message>
    <message>
        <source>too long: {length:,} characters, at most {limit:,}</source>
        <translation>te lang: {length:,} tekens, hoogstens {limit:,}</translation>
    </message>
    <message>
        <source>use 1-32 letters, digits, &apos;-&apos; or &apos;_&apos;, starting with a letter or digit</source>
        <translation>gebruik 1-32 letters, cijfers, &apos;-&apos; of &apos;_&apos;, beginnend met een letter of cijfer</translation>
    </message>
    <message>
        <source>required</source>
        <translation>verplicht</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one of the allowed values</source>
        <translation>&apos;{value}&apos; is geen van de toegestane waarden</translation>
    </message>
    <message>
        <source>date before 1900</source>
        <translation>datum vóór 1900</translation>
    </message>
    <message>
        <source>date in the future</source>
        <translation>datum in de toekomst</translation>
    </message>
    <message>
        <source>before the patient&apos;s birth date ({date})</source>
        <translation>vóór de geboortedatum van de patiënt ({date})</translation>
    </message>
    <message>
        <source>must be between {low} and {high} {unit_label}</source>
        <translation>moet tussen {low} en {high} {unit_label} liggen</translation>
    </message>
    <message>
        <source>must be between {low} and {high}</source>
        <translation>moet tussen {low} en {high} liggen</translation>
    </message>
    <message>
        <source>use steps of {step}</source>
        <translation>gebruik stappen van {step}</translation>
    </message>
    <message>
        <source>unusual value (expected {low}–{high} {unit_label}): please confirm</source>
        <translation>ongebruikelijke waarde (verwacht {low}–{high} {unit_label}): graag bevestigen</translation>
    </message>
    <message>
        <source>unusual value (expected {low}–{high}): please confirm</source>
        <translation>ongebruikelijke waarde (verwacht {low}–{high}): graag bevestigen</translation>
    </message>
    <message>
        <source>{record_label} has no field &apos;{name}&apos;</source>
        <translation>{record_label} heeft geen veld &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>before the date of birth</source>
        <translation>vóór de geboortedatum</translation>
    </message>
    <message>
        <source>before disease onset</source>
        <translation>vóór het begin van de ziekte</translation>
    </message>
    <message>
        <source>diastolic must be lower than systolic</source>
        <translation>diastolisch moet lager zijn dan systolisch</translation>
    </message>
    <message>
        <source>say who rated the parent/patient global (parent or patient)</source>
        <translation>geef aan wie de globale score van ouder/patiënt gaf (ouder of patiënt)</translation>
    </message>
    <message>
        <source>no visit after the baseline</source>
        <translation>geen bezoek na de uitgangsmeting</translation>
    </message>
    <message>
        <source>TIS not computable: {reason}</source>
        <translation>TIS niet te berekenen: {reason}</translation>
    </message>
    <message>
        <source>{first}; {second}</source>
        <translation>{first}; {second}</translation>
    </message>
    <message>
        <source>before the start date</source>
        <translation>vóór de startdatum</translation>
    </message>
    <message>
        <source>a dose of 0 is only for a &apos;stop&apos; segment; set an end date</source>
        <translation>een dosis van 0 is alleen voor een &apos;stop&apos;-periode; vul een einddatum in</translation>
    </message>
    <message>
        <source>before the onset date</source>
        <translation>vóór de begindatum</translation>
    </message>
    <message>
        <source>unknown analyte &apos;{code}&apos;</source>
        <translation>onbekende bepaling &apos;{code}&apos;</translation>
    </message>
    <message>
        <source>{code} is reported in {units}</source>
        <translation>{code} wordt gerapporteerd in {units}</translation>
    </message>
    <message>
        <source>a reference limit must be a number</source>
        <translation>een referentiegrens moet een getal zijn</translation>
    </message>
    <message>
        <source>a reference limit cannot be negative</source>
        <translation>een referentiegrens kan niet negatief zijn</translation>
    </message>
    <message>
        <source>the upper limit of normal must be above 0</source>
        <translation>de bovengrens van normaal moet boven 0 liggen</translation>
    </message>
    <message>
        <source>implausible for {code}: must be {low}–{high} {unit}</source>
        <translation>onwaarschijnlijk voor {code}: moet {low}–{high} {unit} zijn</translation>
    </message>
    <message>
        <source>upper limit must be above the lower limit</source>
        <translation>de bovengrens moet boven de ondergrens liggen</translation>
    </message>
    <message>
        <source>a censored result needs its limit as the value, e.g. &lt;5</source>
        <translation>een gecensureerde uitslag heeft de grens als waarde nodig, bijv. &lt;5</translation>
    </message>
    <message>
        <source>give the limit after &apos;{flag}&apos;, e.g. {flag}5</source>
        <translation>geef de grens na &apos;{flag}&apos;, bijv. {flag}5</translation>
    </message>
    <message>
        <source>the value says &apos;{flag}&apos; but the censoring flag is &apos;{given}&apos;</source>
        <translation>de waarde zegt &apos;{flag}&apos; maar de censureringsmarkering is &apos;{given}&apos;</translation>
    </message>
    <message>
        <source>unusual {code} value: please confirm</source>
        <translation>ongebruikelijke {code}-waarde: graag bevestigen</translation>
    </message>
    <message>
        <source>open this study</source>
        <translation>deze studie openen</translation>
    </message>
    <message>
        <source>create, edit or delete clinical records</source>
        <translation>klinische gegevens invoeren, wijzigen of verwijderen</translation>
    </message>
    <message>
        <source>sign visits</source>
        <translation>bezoeken ondertekenen</translation>
    </message>
    <message>
        <source>export the study</source>
        <translation>de studie exporteren</translation>
    </message>
    <message>
        <source>change study settings</source>
        <translation>studie-instellingen wijzigen</translation>
    </message>
    <message>
        <source>manage user accounts</source>
        <translation>gebruikersaccounts beheren</translation>
    </message>
    <message>
        <source>unlock signed visits</source>
        <translation>ondertekende bezoeken ontgrendelen</translation>
    </message>
    <message>
        <source>restore deleted records</source>
        <translation>verwijderde gegevens terugzetten</translation>
    </message>
    <message>
        <source>back up or restore the study</source>
        <translation>een back-up van de studie maken of terugzetten</translation>
    </message>
    <message>
        <source>import lab results</source>
        <translation>laboratoriumuitslagen importeren</translation>
    </message>
    <message>
        <source>undo a lab import</source>
        <translation>een laboratoriumimport ongedaan maken</translation>
    </message>
    <message>
        <source>break a study&apos;s lock</source>
        <translation>de vergrendeling van een studie opheffen</translation>
    </message>
    <message>
        <source>{role_label} accounts may not {action}.</source>
        <translation>Met de rol {role_label} mag u dit niet: {action}.</translation>
    </message>
    <message>
        <source>the user name {problem}</source>
        <translation>de gebruikersnaam {problem}</translation>
    </message>
    <message>
        <source>the user name needs {low}–{high} characters without spaces</source>
        <translation>de gebruikersnaam moet {low}–{high} tekens zonder spaties hebben</translation>
    </message>
    <message>
        <source>the user name must not start with {starts}</source>
        <translation>de gebruikersnaam mag niet beginnen met {starts}</translation>
    </message>
    <message>
        <source>the full name {problem}</source>
        <translation>de volledige naam {problem}</translation>
    </message>
    <message>
        <source>the full name is required (at most {n} characters)</source>
        <translation>de volledige naam is verplicht (hoogstens {n} tekens)</translation>
    </message>
    <message>
        <source>At least {length} characters, and not containing the user name.</source>
        <translation>Minstens {length} tekens, zonder de gebruikersnaam erin.</translation>
    </message>
    <message>
        <source>use at least {length} characters</source>
        <translation>gebruik minstens {length} tekens</translation>
    </message>
    <message>
        <source>the password contains an invalid character (unpaired surrogate)</source>
        <translation>het wachtwoord bevat een ongeldig teken (ongepaarde surrogaat)</translation>
    </message>
    <message>
        <source>the password must not contain the user name</source>
        <translation>het wachtwoord mag de gebruikersnaam niet bevatten</translation>
    </message>
    <message>
        <source>{record_label} saved.</source>
        <translation>{record_label} opgeslagen.</translation>
    </message>
    <message>
        <source>No changes.</source>
        <translation>Geen wijzigingen.</translation>
    </message>
    <message>
        <source>{n} fields to correct: not saved.</source>
        <translation>{n} velden te verbeteren: niet opgeslagen.</translation>
    </message>
    <message>
        <source>1 field to correct: not saved.</source>
        <translation>1 veld te verbeteren: niet opgeslagen.</translation>
    </message>
    <message>
        <source>A reason is needed to edit a record.</source>
        <translation>Voor het wijzigen van een gegeven is een reden nodig.</translation>
    </message>
    <message>
        <source>Unusual values: confirm them with a reason.</source>
        <translation>Ongebruikelijke waarden: bevestig ze met een reden.</translation>
    </message>
    <message>
        <source>The panel has no results.</source>
        <translation>Het panel bevat geen uitslagen.</translation>
    </message>
    <message>
        <source>{n} lab results saved.</source>
        <translation>{n} laboratoriumuitslagen opgeslagen.</translation>
    </message>
    <message>
        <source>Dose changed: previous segment ended, new segment saved.</source>
        <translation>Dosis gewijzigd: vorige periode beëindigd, nieuwe periode opgeslagen.</translation>
    </message>
    <message>
        <source>The key file beside the study could not be written ({error}): nothing was changed.</source>
        <translation>Het sleutelbestand naast de studie kon niet worden geschreven ({error}): er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>this study already has users: log in as one of them</source>
        <translation>deze studie heeft al gebruikers: log in als een van hen</translation>
    </message>
    <message>
        <source>{problem_capitalized}: not added.</source>
        <translation>{problem_capitalized}: niet toegevoegd.</translation>
    </message>
    <message>
        <source>User {username} added.</source>
        <translation>Gebruiker {username} toegevoegd.</translation>
    </message>
    <message>
        <source>this user name is taken</source>
        <translation>deze gebruikersnaam is al in gebruik</translation>
    </message>
    <message>
        <source>A reason is needed.</source>
        <translation>Er is een reden nodig.</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>U kunt uw eigen account niet deactiveren.</translation>
    </message>
    <message>
        <source>{username} deactivated.</source>
        <translation>{username} gedeactiveerd.</translation>
    </message>
    <message>
        <source>{username} reactivated: set a new password for them to open the study again.</source>
        <translation>{username} weer geactiveerd: stel een nieuw wachtwoord in, zodat deze gebruiker de studie weer kan openen.</translation>
    </message>
    <message>
        <source>{username} reactivated.</source>
        <translation>{username} weer geactiveerd.</translation>
    </message>
    <message>
        <source>{problem_capitalized}: password not changed.</source>
        <translation>{problem_capitalized}: wachtwoord niet gewijzigd.</translation>
    </message>
    <message>
        <source>New password set for {username}; their lockout is cleared.</source>
        <translation>Nieuw wachtwoord ingesteld voor {username}; de blokkering is opgeheven.</translation>
    </message>
    <message>
        <source>No active data manager {username} in this study.</source>
        <translation>Geen actieve datamanager {username} in deze studie.</translation>
    </message>
    <message>
        <source>The study must be open for editing, with its recovery key.</source>
        <translation>De studie moet geopend zijn om te bewerken, met de herstelsleutel.</translation>
    </message>
    <message>
        <source>New password set for {username}.</source>
        <translation>Nieuw wachtwoord ingesteld voor {username}.</translation>
    </message>
    <message>
        <source>too many failed attempts: try again in {wait} s</source>
        <translation>te veel mislukte pogingen: probeer het over {wait} s opnieuw</translation>
    </message>
    <message>
        <source>unknown user name or wrong password</source>
        <translation>onbekende gebruikersnaam of verkeerd wachtwoord</translation>
    </message>
    <message>
        <source>No user {username} in this study.</source>
        <translation>Geen gebruiker {username} in deze studie.</translation>
    </message>
    <message>
        <source>{record_label} deleted.</source>
        <translation>{record_label} verwijderd.</translation>
    </message>
    <message>
        <source>{record_label} restored.</source>
        <translation>{record_label} teruggezet.</translation>
    </message>
    <message>
        <source>{analyte_label} at the visit</source>
        <translation>{analyte_label} bij het bezoek</translation>
    </message>
    <message>
        <source>{analyte_label}: sample day minus visit day</source>
        <translation>{analyte_label}: afnamedag min bezoekdag</translation>
    </message>
    <message>
        <source>{analyte_label}: multiple of the upper limit of normal</source>
        <translation>{analyte_label}: veelvoud van de bovengrens van normaal</translation>
    </message>
    <message>
        <source>Visit number</source>
        <translation>Bezoeknummer</translation>
    </message>
    <message>
        <source>Baseline visit</source>
        <translation>Uitgangsbezoek</translation>
    </message>
    <message>
        <source>Days since the first visit</source>
        <translation>Dagen sinds het eerste bezoek</translation>
    </message>
    <message>
        <source>{measure_label}: change from baseline</source>
        <translation>{measure_label}: verandering t.o.v. uitgangsmeting</translation>
    </message>
    <message>
        <source>Total Improvement Score</source>
        <translation>Total Improvement Score</translation>
    </message>
    <message>
        <source>TIS response category</source>
        <translation>TIS-responscategorie</translation>
    </message>
    <message>
        <source>PRINTO inactive disease</source>
        <translation>PRINTO inactieve ziekte</translation>
    </message>
    <message>
        <source>PRINTO criteria met</source>
        <translation>PRINTO-criteria voldaan</translation>
    </message>
    <message>
        <source>PRINTO criteria available</source>
        <translation>PRINTO-criteria beschikbaar</translation>
    </message>
    <message>
        <source>Prednisolone equivalent on the visit date</source>
        <translation>Prednisolonequivalent op de bezoekdatum</translation>
    </message>
    <message>
        <source>Prednisolone equivalent per kg on the visit date</source>
        <translation>Prednisolonequivalent per kg op de bezoekdatum</translation>
    </message>
    <message>
        <source>Tacrolimus dose on the visit date</source>
        <translation>Tacrolimusdosis op de bezoekdatum</translation>
    </message>
    <message>
        <source>Age at the first tacrolimus start</source>
        <translation>Leeftijd bij de eerste start van tacrolimus</translation>
    </message>
    <message>
        <source>Study code (patient key)</source>
        <translation>Studiecode (patiëntsleutel)</translation>
    </message>
    <message>
        <source>{record_label} record id</source>
        <translation>{record_label}: record-id</translation>
    </message>
    <message>
        <source>{field_label}: study day</source>
        <translation>{field_label}: studiedag</translation>
    </message>
    <message>
        <source>{field_label}: why the study day is empty</source>
        <translation>{field_label}: waarom de studiedag leeg is</translation>
    </message>
    <message>
        <source>Age at {field_label_lower}</source>
        <translation>Leeftijd op {field_label_lower}</translation>
    </message>
    <message>
        <source>{field_label}: reason missing</source>
        <translation>{field_label}: reden ontbreken</translation>
    </message>
    <message>
        <source>First systemic tacrolimus start (day 0)</source>
        <translation>Eerste start systemisch tacrolimus (dag 0)</translation>
    </message>
    <message>
        <source>Value in canonical unit</source>
        <translation>Waarde in standaardeenheid</translation>
    </message>
    <message>
        <source>height fell from {before} cm at the visit of {date} to {now} cm (more than {limit} cm): please confirm</source>
        <translation>lengte gedaald van {before} cm bij het bezoek van {date} naar {now} cm (meer dan {limit} cm): graag bevestigen</translation>
    </message>
    <message>
        <source>weight changed from {before} kg at the visit of {date} by {change} in {days} days (more than {limit} per month): please confirm</source>
        <translation>gewicht veranderd van {before} kg bij het bezoek van {date} met {change} in {days} dagen (meer dan {limit} per maand): graag bevestigen</translation>
    </message>
    <message>
        <source>last visit on or before the tacrolimus start</source>
        <translation>laatste bezoek op of vóór de start van tacrolimus</translation>
    </message>
    <message>
        <source>first visit in the study (study setting)</source>
        <translation>eerste bezoek in de studie (studie-instelling)</translation>
    </message>
    <message>
        <source>first visit, because no tacrolimus is recorded (the study&apos;s rule, last visit on or before the tacrolimus start, cannot apply)</source>
        <translation>eerste bezoek, omdat er geen tacrolimus is vastgelegd (de regel van de studie, laatste bezoek op of vóór de start van tacrolimus, is niet toepasbaar)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>no visit on or before the tacrolimus start</source>
        <translation>geen bezoek op of vóór de start van tacrolimus</translation>
    </message>
    <message>
        <source>no visits</source>
        <translation>geen bezoeken</translation>
    </message>
    <message>
        <source>Baseline: none ({why}), so no TIS</source>
        <translation>Uitgangsmeting: geen ({why}), dus geen TIS</translation>
    </message>
    <message>
        <source>Baseline: {rule}, visit of {date}</source>
        <translation>Uitgangsmeting: {rule}, bezoek van {date}</translation>
    </message>
    <message>
        <source>eGFR not computed for {n} creatinine results outside ages 1–17 ({name}, {formula}, is valid for ages 1–17 only; adult: not computed)</source>
        <translation>eGFR niet berekend voor {n} creatinine-uitslagen buiten de leeftijd 1–17 ({name}, {formula}, geldt alleen voor 1–17 jaar; volwassen: niet berekend)</translation>
    </message>
    <message>
        <source>eGFR not computed for 1 creatinine result outside ages 1–17 ({name}, {formula}, is valid for ages 1–17 only; adult: not computed)</source>
        <translation>eGFR niet berekend voor 1 creatinine-uitslag buiten de leeftijd 1–17 ({name}, {formula}, geldt alleen voor 1–17 jaar; volwassen: niet berekend)</translation>
    </message>
    <message>
        <source>no tacrolimus recorded</source>
        <translation>geen tacrolimus vastgelegd</translation>
    </message>
    <message>
        <source>stopped {date}</source>
        <translation>gestopt {date}</translation>
    </message>
    <message>
        <source>restarted {date}</source>
        <translation>herstart {date}</translation>
    </message>
    <message>
        <source>tacrolimus since {date} ({days} days on drug, {months} months{events}{off})</source>
        <translation>tacrolimus sinds {date} ({days} dagen op het middel, {months} maanden{events}{off})</translation>
    </message>
    <message>
        <source>; {events}</source>
        <translation>; {events}</translation>
    </message>
    <message>
        <source>; not on tacrolimus at the last record</source>
        <translation>; geen tacrolimus bij het laatste gegeven</translation>
    </message>
    <message>
        <source>{first}, {second}</source>
        <translation>{first}, {second}</translation>
    </message>
    <message>
        <source>IV methylprednisolone pulses: none</source>
        <translation>IV-methylprednisolonpulsen: geen</translation>
    </message>
    <message>
        <source>total unknown (a dose not convertible to mg)</source>
        <translation>totaal onbekend (een dosis is niet om te rekenen naar mg)</translation>
    </message>
    <message>
        <source>{mg} mg in total</source>
        <translation>{mg} mg in totaal</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} tot {end}</translation>
    </message>
    <message>
        <source>IV methylprednisolone pulses (reported apart from the daily dose): {doses} in {courses}, {total} ({dates})</source>
        <translation>IV-methylprednisolonpulsen (apart van de dagdosis vermeld): {doses} in {courses}, {total} ({dates})</translation>
    </message>
    <message>
        <source>1 dose</source>
        <translation>1 dosis</translation>
    </message>
    <message>
        <source>{n} doses</source>
        <translation>{n} doses</translation>
    </message>
    <message>
        <source>1 course</source>
        <translation>1 kuur</translation>
    </message>
    <message>
        <source>{n} courses</source>
        <translation>{n} kuren</translation>
    </message>
    <message>
        <source>{measure} {value} {unit} is above {limit} {unit} ({code})</source>
        <translation>{measure} {value} {unit} ligt boven {limit} {unit} ({code})</translation>
    </message>
    <message>
        <source>{measure} {value} {unit} is below {limit} {unit} ({code})</source>
        <translation>{measure} {value} {unit} ligt onder {limit} {unit} ({code})</translation>
    </message>
    <message>
        <source>blood pressure {shown}: {category} — {reason} {basis}</source>
        <translation>bloeddruk {shown}: {category} — {reason} {basis}</translation>
    </message>
    <message>
        <source>No tacrolimus recorded for this patient: there are no study days, so the time axis shows calendar dates.</source>
        <translation>Geen tacrolimus vastgelegd voor deze patiënt: er zijn geen studiedagen, dus de tijdas toont kalenderdatums.</translation>
    </message>
    <message>
        <source>tac stop</source>
        <translation>tac stop</translation>
    </message>
    <message>
        <source>tac {arrow}{dose} mg/d</source>
        <translation>tac {arrow}{dose} mg/d</translation>
    </message>
    <message>
        <source>{code}: {value} {unit} ({canonical} {canonical_unit})</source>
        <translation>{code}: {value} {unit} ({canonical} {canonical_unit})</translation>
    </message>
    <message>
        <source>{code}: {value} {unit}</source>
        <translation>{code}: {value} {unit}</translation>
    </message>
    <message>
        <source>ULN: not reported</source>
        <translation>ULN: niet gerapporteerd</translation>
    </message>
    <message>
        <source>ULN: {uln} {unit} — {ratio} × ULN</source>
        <translation>ULN: {uln} {unit} — {ratio} × ULN</translation>
    </message>
    <message>
        <source>censored: the lab gave a limit, plotted at that limit</source>
        <translation>gecensureerd: het laboratorium gaf een grens, getekend op die grens</translation>
    </message>
    <message>
        <source>{date} {time}</source>
        <translation>{date} {time}</translation>
    </message>
    <message>
        <source>{date} {time} · day {day}</source>
        <translation>{date} {time} · dag {day}</translation>
    </message>
    <message>
        <source>{date} · day {day}</source>
        <translation>{date} · dag {day}</translation>
    </message>
    <message>
        <source>{first}
{second}</source>
        <translation>{first}
{second}</translation>
    </message>
    <message>
        <source>{code}: CK, LD and ASAT since tacrolimus start</source>
        <translation>{code}: CK, LD en ASAT sinds de start van tacrolimus</translation>
    </message>
    <message>
        <source>Log scale. Dashed lines: each result&apos;s upper limit of normal; filled markers lie above it. Study reference ranges (U/L): {ranges}.</source>
        <translation>Logaritmische schaal. Stippellijnen: de bovengrens van normaal van elke uitslag; gevulde markeringen liggen erboven. Referentiewaarden van de studie (U/L): {ranges}.</translation>
    </message>
    <message>
        <source>No CK results with an upper limit of normal since tacrolimus start.</source>
        <translation>Geen CK-uitslagen met een bovengrens van normaal sinds de start van tacrolimus.</translation>
    </message>
    <message>
        <source>CK, multiple of ULN (log scale)</source>
        <translation>CK, veelvoud van ULN (logaritmische schaal)</translation>
    </message>
    <message>
        <source>{m} mo</source>
        <translation>{m} mnd</translation>
    </message>
    <message>
        <source>months since tacrolimus start (day 0)</source>
        <translation>maanden sinds de start van tacrolimus (dag 0)</translation>
    </message>
    <message>
        <source>ULN</source>
        <translation>ULN</translation>
    </message>
    <message>
        <source>median at each month (n patients with a result within ±14 days)</source>
        <translation>mediaan per maand (n patiënten met een uitslag binnen ±14 dagen)</translation>
    </message>
    <message>
        <source>Thin lines: each patient&apos;s CK results divided by that result&apos;s upper limit of normal. Bold: the median at each whole month since day 0, of each patient&apos;s result nearest to that day within ±14 days (n per month: {counts}).</source>
        <translation>Dunne lijnen: de CK-uitslagen van elke patiënt gedeeld door de bovengrens van normaal van die uitslag. Vet: de mediaan op elke hele maand sinds dag 0, van de uitslag van elke patiënt die het dichtst bij die dag ligt binnen ±14 dagen (n per maand: {counts}).</translation>
    </message>
    <message>
        <source>Wrote {n} files into {folder}: the case series of {p} patient(s).</source>
        <translation>{n} bestanden geschreven in {folder}: de casusreeks van {p} patiënt(en).</translation>
    </message>
    <message>
        <source>Not included: {who}.</source>
        <translation>Niet opgenomen: {who}.</translation>
    </message>
    <message>
        <source>{path} is a file, not a folder</source>
        <translation>{path} is een bestand, geen map</translation>
    </message>
    <message>
        <source>folder {path} does not exist</source>
        <translation>map {path} bestaat niet</translation>
    </message>
    <message>
        <source>cannot create {path}: {why}</source>
        <translation>kan {path} niet aanmaken: {why}</translation>
    </message>
    <message>
        <source>cannot write into {path}: permission denied</source>
        <translation>kan niet schrijven in {path}: geen toestemming</translation>
    </message>
    <message>
        <source>{path} already holds {files}: choose another folder, or tick “Replace report files already in the folder”</source>
        <translation>{path} bevat al {files}: kies een andere map, of vink ‘Rapportbestanden die al in de map staan vervangen’ aan</translation>
    </message>
    <message>
        <source>{path} already holds {files}: choose another folder or replace them (--force)</source>
        <translation>{path} bevat al {files}: kies een andere map of vervang ze (--force)</translation>
    </message>
    <message>
        <source>CK as multiples of the upper limit of normal since tacrolimus start</source>
        <translation>CK als veelvoud van de bovengrens van normaal sinds de start van tacrolimus</translation>
    </message>
    <message>
        <source>cannot write {path}: {why}</source>
        <translation>kan {path} niet schrijven: {why}</translation>
    </message>
    <message>
        <source>Case series report</source>
        <translation>Rapport casusreeks</translation>
    </message>
    <message>
        <source>{app} case series report · page {n} · pseudonymised: study codes and study days only</source>
        <translation>{app} rapport casusreeks · pagina {n} · gepseudonimiseerd: alleen studiecodes en studiedagen</translation>
    </message>
    <message>
        <source>Case series: {name}</source>
        <translation>Casusreeks: {name}</translation>
    </message>
    <message>
        <source>Generated {day} by {app} {version} from the study file.</source>
        <translation>Gemaakt op {day} door {app} {version} uit het studiebestand.</translation>
    </message>
    <message>
        <source>SYNTHETIC DATA: every patient in this study is invented.</source>
        <translation>SYNTHETISCHE GEGEVENS: elke patiënt in deze studie is verzonnen.</translation>
    </message>
    <message>
        <source>Table 1. Patient characteristics at tacrolimus start</source>
        <translation>Tabel 1. Patiëntkenmerken bij de start van tacrolimus</translation>
    </message>
    <message>
        <source>No patient in this selection has tacrolimus recorded.</source>
        <translation>Bij geen enkele patiënt in deze selectie is tacrolimus vastgelegd.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <source>unit or range</source>
        <translation>eenheid of bereik</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>begin</translation>
    </message>
    <message>
        <source>last visit</source>
        <translation>laatste</translation>
    </message>
    <message>
        <source>Table 2. Outcomes: baseline visit and last visit on tacrolimus</source>
        <translation>Tabel 2. Uitkomsten: uitgangsbezoek en laatste bezoek onder tacrolimus</translation>
    </message>
    <message>
        <source> (patients {a}–{b} of {n})</source>
        <translation> (patiënten {a}–{b} van {n})</translation>
    </message>
    <message>
        <source>Enzymes in U/L and as multiples of the result&apos;s upper limit of normal (×). Reduction of the prednisolone equivalent: from the baseline visit to the last visit, in mg/kg/day. TIS of the last visit against the baseline. Baseline as applied: {rules}.</source>
        <translation>Enzymen in U/L en als veelvoud van de bovengrens van normaal van de uitslag (×). Afname van het prednisolonequivalent: van het uitgangsbezoek tot het laatste bezoek, in mg/kg/dag. TIS van het laatste bezoek ten opzichte van de uitgangsmeting. Uitgangsmeting zoals toegepast: {rules}.</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Uitgangsmeting</translation>
    </message>
    <message>
        <source>median (range), n</source>
        <translation>mediaan (min–max), n</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Laatste bezoek</translation>
    </message>
    <message>
        <source>Table 2 (all patients). Outcomes across the {n} patients</source>
        <translation>Tabel 2 (alle patiënten). Uitkomsten over de {n} patiënten</translation>
    </message>
    <message>
        <source>Table 3. Adverse events since tacrolimus start, by category and CTCAE grade</source>
        <translation>Tabel 3. Bijwerkingen sinds de start van tacrolimus, naar categorie en CTCAE-graad</translation>
    </message>
    <message>
        <source>No adverse events recorded since tacrolimus start in the {n} patients.</source>
        <translation>Geen bijwerkingen vastgelegd sinds de start van tacrolimus bij de {n} patiënten.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Grade {g}</source>
        <translation>Graad {g}</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Voorvallen</translation>
    </message>
    <message>
        <source>total</source>
        <translation>totaal</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patiënten</translation>
    </message>
    <message>
        <source>with any</source>
        <translation>met enige</translation>
    </message>
    <message>
        <source>{n} adverse event(s) with onset before tacrolimus start are not counted.</source>
        <translation>{n} bijwerking(en) met begin vóór de start van tacrolimus zijn niet meegeteld.</translation>
    </message>
    <message>
        <source>Figure 1{letter}. </source>
        <translation>Figuur 1{letter}. </translation>
    </message>
    <message>
        <source>Figure 2. CK as multiples of the upper limit of normal since tacrolimus start, all patients</source>
        <translation>Figuur 2. CK als veelvoud van de bovengrens van normaal sinds de start van tacrolimus, alle patiënten</translation>
    </message>
    <message>
        <source>Methods. Day 0 is the start of the first systemic tacrolimus segment; times are study days since day 0 and follow-up runs from day 0 to the patient&apos;s last visit or laboratory sample. Ages and disease duration are computed from the recorded dates (days / 365.25, one decimal). Prior second-line agents are {agents} started before day 0. Baseline: {rule} (study setting); outcomes compare the baseline visit with the last visit after it. A visit&apos;s laboratory results are the samples nearest to it within ±{window} days; baseline enzymes are the latest sample on or before day 0 within that window when the baseline is the last visit on or before the tacrolimus start. Enzyme values are shown against each result&apos;s own upper limit of normal (ULN); the study&apos;s reference ranges are {ranges}. The ACR/EULAR 2016 Total Improvement Score (TIS) uses the enzyme most abnormal at baseline with the method &apos;{method}&apos; and {mmt}; it is not computed when a core-set measure is missing. Clinically inactive disease follows the PRINTO criteria (at least 3 of 4: CK ≤ 150 U/L, CMAS ≥ 48, MMT8 ≥ 78, physician global ≤ 0.2). Corticosteroid doses are prednisolone equivalents ({factors}) per kg of the latest weight on or before the day; IV methylprednisolone pulses (≥ {mg:g} mg or ≥ {mgkg:g} mg/kg per dose, 1–{doses} daily doses) are counted apart and not in the daily dose. Adverse events are counted from day 0 by category and CTCAE grade.</source>
        <translation>Methoden. Dag 0 is de start van het eerste segment systemisch tacrolimus; tijden zijn studiedagen sinds dag 0 en de follow-up loopt van dag 0 tot het laatste bezoek of laboratoriummonster van de patiënt. Leeftijden en ziekteduur zijn berekend uit de vastgelegde datums (dagen / 365,25, één decimaal). Eerdere tweedelijnsmiddelen zijn {agents} gestart vóór dag 0. Uitgangsmeting: {rule} (studie-instelling); de uitkomsten vergelijken het uitgangsbezoek met het laatste bezoek daarna. De laboratoriumuitslagen van een bezoek zijn de monsters die er het dichtst bij liggen binnen ±{window} dagen; de enzymen bij de uitgangsmeting zijn het laatste monster op of vóór dag 0 binnen dat venster wanneer de uitgangsmeting het laatste bezoek op of vóór de start van tacrolimus is. Enzymwaarden worden weergegeven ten opzichte van de eigen bovengrens van normaal (ULN) van elke uitslag; de referentiewaarden van de studie zijn {ranges}. De ACR/EULAR 2016 Total Improvement Score (TIS) gebruikt het enzym dat bij de uitgangsmeting het meest afwijkend is, met de methode &apos;{method}&apos; en {mmt}; de TIS wordt niet berekend als een maat uit de kernset ontbreekt. Klinisch inactieve ziekte volgt de PRINTO-criteria (ten minste 3 van 4: CK ≤ 150 U/L, CMAS ≥ 48, MMT8 ≥ 78, globaal oordeel arts ≤ 0,2). Corticosteroïddoses zijn prednisolonequivalenten ({factors}) per kg van het laatste gewicht op of vóór de dag; IV-methylprednisolonpulsen (≥ {mg:g} mg of ≥ {mgkg:g} mg/kg per dosis, 1–{doses} dagelijkse doses) worden apart geteld en niet in de dagdosis. Bijwerkingen worden vanaf dag 0 geteld naar categorie en CTCAE-graad.</translation>
    </message>
    <message>
        <source>girl</source>
        <translation>meisje</translation>
    </message>
    <message>
        <source>boy</source>
        <translation>jongen</translation>
    </message>
    <message>
        <source>height {height} cm</source>
        <translation>lengte {height} cm</translation>
    </message>
    <message>
        <source>height unknown: 50th height percentile</source>
        <translation>lengte onbekend: 50e lengtepercentiel</translation>
    </message>
    <message>
        <source>for age {age}, {sex}, {height} ({source})</source>
        <translation>voor leeftijd {age}, {sex}, {height} ({source})</translation>
    </message>
    <message>
        <source>cut-offs from age {age} ({source})</source>
        <translation>afkappunten vanaf leeftijd {age} ({source})</translation>
    </message>
    <message>
        <source>under 1 year: no {source} table, adult-style cut-offs shown</source>
        <translation>jonger dan 1 jaar: geen {source}-tabel, afkappunten zoals bij volwassenen getoond</translation>
    </message>
    <message>
        <source>age or sex not recorded: adult-style cut-offs ({source})</source>
        <translation>leeftijd of geslacht niet vastgelegd: afkappunten zoals bij volwassenen ({source})</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} en {second}</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>90e percentiel</translation>
    </message>
    <message>
        <source>95th percentile</source>
        <translation>95e percentiel</translation>
    </message>
    <message>
        <source>95th percentile + 12 mmHg</source>
        <translation>95e percentiel + 12 mmHg</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normaal</translation>
    </message>
    <message>
        <source>elevated</source>
        <translation>verhoogd</translation>
    </message>
    <message>
        <source>stage 1 hypertension</source>
        <translation>hypertensie stadium 1</translation>
    </message>
    <message>
        <source>stage 2 hypertension</source>
        <translation>hypertensie stadium 2</translation>
    </message>
    <message>
        <source>systolic</source>
        <translation>systolisch</translation>
    </message>
    <message>
        <source>diastolic</source>
        <translation>diastolisch</translation>
    </message>
    <message>
        <source>{side} {value} ≥ {percentile} ({limit} mmHg)</source>
        <translation>{side} {value} ≥ {percentile} ({limit} mmHg)</translation>
    </message>
    <message>
        <source>{side} {value} ≥ {limit} mmHg (lower than the {percentile})</source>
        <translation>{side} {value} ≥ {limit} mmHg (lager dan het {percentile})</translation>
    </message>
    <message>
        <source>{side} {value} ≥ {limit} mmHg</source>
        <translation>{side} {value} ≥ {limit} mmHg</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>study code</source>
        <translation>studiecode</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geslacht</translation>
    </message>
    <message>
        <source>Age at start</source>
        <translation>Leeftijd start</translation>
    </message>
    <message>
        <source>years</source>
        <translation>jaar</translation>
    </message>
    <message>
        <source>Age at onset</source>
        <translation>Leeftijd begin</translation>
    </message>
    <message>
        <source>Disease duration</source>
        <translation>Ziekteduur</translation>
    </message>
    <message>
        <source>at start, years</source>
        <translation>bij start, jaar</translation>
    </message>
    <message>
        <source>Prior second-line</source>
        <translation>Eerder 2e lijn</translation>
    </message>
    <message>
        <source>agents</source>
        <translation>middelen</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>on tacrolimus, months</source>
        <translation>onder tacrolimus, mnd</translation>
    </message>
    <message>
        <source>All ({n})</source>
        <translation>Alle ({n})</translation>
    </message>
    <message>
        <source>median (range)</source>
        <translation>mediaan (min–max)</translation>
    </message>
    <message>
        <source>boys {m}, girls {f}</source>
        <translation>jongens {m}, meisjes {f}</translation>
    </message>
    <message>
        <source>{n} of {all}</source>
        <translation>{n} van {all}</translation>
    </message>
    <message>
        <source>Study day</source>
        <translation>Studiedag</translation>
    </message>
    <message>
        <source>Physical activity</source>
        <translation>Lichamelijke activiteit</translation>
    </message>
    <message>
        <source>Prednisolone eq.</source>
        <translation>Prednisolon-eq.</translation>
    </message>
    <message>
        <source>Physician global</source>
        <translation>Globaal oordeel arts</translation>
    </message>
    <message>
        <source>Prednisolone eq. reduction</source>
        <translation>Afname prednisolon-eq.</translation>
    </message>
    <message>
        <source>TIS category</source>
        <translation>TIS-categorie</translation>
    </message>
    <message>
        <source>CMAS</source>
        <translation>CMAS</translation>
    </message>
    <message>
        <source>MMT8</source>
        <translation>MMT8</translation>
    </message>
    <message>
        <source>CHAQ DI</source>
        <translation>CHAQ DI</translation>
    </message>
    <message>
        <source>DAS skin</source>
        <translation>DAS huid</translation>
    </message>
    <message>
        <source>CDASI activity</source>
        <translation>CDASI activiteit</translation>
    </message>
    <message>
        <source>TIS</source>
        <translation>TIS</translation>
    </message>
    <message>
        <source>day 0 = tacrolimus start</source>
        <translation>dag 0 = start tacrolimus</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>{median} ({low} to {high}), {n}</source>
        <translation>{median} ({low} tot {high}), {n}</translation>
    </message>
    <message>
        <source>{k} of {n} inactive</source>
        <translation>{k} van {n} inactief</translation>
    </message>
    <message>
        <source>{code}: not in the case series ({reason}).</source>
        <translation>{code}: niet in de casusreeks ({reason}).</translation>
    </message>
    <message>
        <source>{system_label_lower} damage severity is above 0 but no {system_label_lower} item is present</source>
        <translation>ernst van de schade ({system_label_lower}) is boven 0 maar er is geen item ({system_label_lower}) aanwezig</translation>
    </message>
    <message>
        <source>{n} {system_label_lower} item(s) present but the damage severity is 0</source>
        <translation>{n} item(s) ({system_label_lower}) aanwezig maar de ernst van de schade is 0</translation>
    </message>
    <message>
        <source>The study is open read-only.</source>
        <translation>De studie is alleen-lezen geopend.</translation>
    </message>
    <message>
        <source>Your account is not active in this study.</source>
        <translation>Uw account is niet actief in deze studie.</translation>
    </message>
    <message>
        <source>Backup failed: {error}</source>
        <translation>Back-up mislukt: {error}</translation>
    </message>
    <message>
        <source>Verified backup written to {path}</source>
        <translation>Gecontroleerde back-up geschreven naar {path}</translation>
    </message>
    <message>
        <source>Restore failed: {error}</source>
        <translation>Terugzetten mislukt: {error}</translation>
    </message>
    <message>
        <source>Backup restored into {path}; open it with File ▸ Open.</source>
        <translation>Back-up teruggezet in {path}; open deze met Bestand ▸ Openen.</translation>
    </message>
    <message>
        <source>This study is already encrypted.</source>
        <translation>Deze studie is al versleuteld.</translation>
    </message>
    <message>
        <source>Wrong password: no copy written.</source>
        <translation>Verkeerd wachtwoord: er is geen kopie geschreven.</translation>
    </message>
    <message>
        <source>The encrypted copy was not written: {error}</source>
        <translation>De versleutelde kopie is niet geschreven: {error}</translation>
    </message>
    <message>
        <source>Encrypted copy written to {path}; open it with File ▸ Open. Set a new password for {users} (Tools ▸ Users) before they can open it.</source>
        <translation>Versleutelde kopie geschreven naar {path}; open deze met Bestand ▸ Openen. Stel een nieuw wachtwoord in voor {users} (Extra ▸ Gebruikers) voordat zij de kopie kunnen openen.</translation>
    </message>
    <message>
        <source>Encrypted copy written to {path}; open it with File ▸ Open.</source>
        <translation>Versleutelde kopie geschreven naar {path}; open deze met Bestand ▸ Openen.</translation>
    </message>
    <message>
        <source>Settings not saved.</source>
        <translation>Instellingen niet opgeslagen.</translation>
    </message>
    <message>
        <source>{n} setting(s) saved.</source>
        <translation>{n} instelling(en) opgeslagen.</translation>
    </message>
    <message>
        <source>No such visit: nothing signed.</source>
        <translation>Dit bezoek bestaat niet: er is niets ondertekend.</translation>
    </message>
    <message>
        <source>Not signed: {problem}.</source>
        <translation>Niet ondertekend: {problem}.</translation>
    </message>
    <message>
        <source>Not signed: your password does not open your signing key in the key file (it was changed outside JDM Desk). Ask the data manager to set a new password.</source>
        <translation>Niet ondertekend: uw wachtwoord opent uw ondertekeningssleutel in het sleutelbestand niet (het is buiten JDM Desk gewijzigd). Vraag de datamanager een nieuw wachtwoord in te stellen.</translation>
    </message>
    <message>
        <source>Not signed: the key file beside the study could not be read or written ({error}).</source>
        <translation>Niet ondertekend: het sleutelbestand naast de studie kon niet worden gelezen of geschreven ({error}).</translation>
    </message>
    <message>
        <source>Signed.</source>
        <translation>Ondertekend.</translation>
    </message>
    <message>
        <source>A reason is needed to unlock.</source>
        <translation>Voor het ontgrendelen is een reden nodig.</translation>
    </message>
    <message>
        <source>The visit is not locked.</source>
        <translation>Het bezoek is niet vergrendeld.</translation>
    </message>
    <message>
        <source>Visit unlocked: it can be edited.</source>
        <translation>Bezoek ontgrendeld: het kan worden bewerkt.</translation>
    </message>
    <message>
        <source>line {line}, column &apos;{column}&apos;: {problem}</source>
        <translation>regel {line}, kolom &apos;{column}&apos;: {problem}</translation>
    </message>
    <message>
        <source>line {line}: {problem}</source>
        <translation>regel {line}: {problem}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a range like &apos;0 - 145&apos;</source>
        <translation>&apos;{value}&apos; is geen bereik zoals &apos;0 - 145&apos;</translation>
    </message>
    <message>
        <source>{n} fields where the header has {expected}</source>
        <translation>{n} velden, terwijl de kopregel er {expected} heeft</translation>
    </message>
    <message>
        <source>a missing-value code is not a result</source>
        <translation>een code voor een ontbrekende waarde is geen uitslag</translation>
    </message>
    <message>
        <source>no patient given</source>
        <translation>geen patiënt opgegeven</translation>
    </message>
    <message>
        <source>patient &apos;{patient}&apos; is deleted</source>
        <translation>patiënt &apos;{patient}&apos; is verwijderd</translation>
    </message>
    <message>
        <source>patient &apos;{patient}&apos; is not in this study</source>
        <translation>patiënt &apos;{patient}&apos; komt niet voor in deze studie</translation>
    </message>
    <message>
        <source>test &apos;{test}&apos; is not one of the study&apos;s analytes: add it to the mapping</source>
        <translation>test &apos;{test}&apos; is geen bepaling van de studie: voeg hem toe aan de koppeling</translation>
    </message>
    <message>
        <source>{rows} rows: {new} new, {duplicate} duplicate, {conflict} conflict, {invalid} invalid, {unknown} unknown patient</source>
        <translation>{rows} regels: {new} nieuw, {duplicate} dubbel, {conflict} conflict, {invalid} ongeldig, {unknown} onbekende patiënt</translation>
    </message>
    <message>
        <source>Lab import report: {file}</source>
        <translation>Verslag van de laboratoriumimport: {file}</translation>
    </message>
    <message>
        <source>imported {n} results (import {id})</source>
        <translation>{n} uitslagen geïmporteerd (import {id})</translation>
    </message>
    <message>
        <source>problem: {problem}</source>
        <translation>probleem: {problem}</translation>
    </message>
    <message>
        <source>conflict: {problem}</source>
        <translation>conflict: {problem}</translation>
    </message>
    <message>
        <source>unusual (imported): {problem}</source>
        <translation>ongebruikelijk (geïmporteerd): {problem}</translation>
    </message>
    <message>
        <source>line {line}: {patient} {analyte} {date}{time}: file {censored}{value} {unit} ≠ stored {stored_censored}{stored_value} {stored_unit}</source>
        <translation>regel {line}: {patient} {analyte} {date}{time}: bestand {censored}{value} {unit} ≠ opgeslagen {stored_censored}{stored_value} {stored_unit}</translation>
    </message>
    <message>
        <source>line {line}: {patient} {analyte} {date}{time}: file {censored}{value} {unit} ≠ line {other} of the file</source>
        <translation>regel {line}: {patient} {analyte} {date}{time}: bestand {censored}{value} {unit} ≠ regel {other} van het bestand</translation>
    </message>
    <message>
        <source>Mapping saved.</source>
        <translation>Koppeling opgeslagen.</translation>
    </message>
    <message>
        <source>Mapping unchanged.</source>
        <translation>Koppeling ongewijzigd.</translation>
    </message>
    <message>
        <source>{file} changed since it was checked: check it again before importing</source>
        <translation>{file} is gewijzigd sinds de controle: controleer het opnieuw voordat u importeert</translation>
    </message>
    <message>
        <source>Nothing imported: {n} row(s) with problems ({summary}). Correct the file, or import the valid rows only.</source>
        <translation>Niets geïmporteerd: {n} regel(s) met problemen ({summary}). Verbeter het bestand, of importeer alleen de geldige regels.</translation>
    </message>
    <message>
        <source>Nothing new to import ({summary}).</source>
        <translation>Niets nieuws om te importeren ({summary}).</translation>
    </message>
    <message>
        <source>Imported {n} lab results from {file} ({summary}).</source>
        <translation>{n} laboratoriumuitslagen geïmporteerd uit {file} ({summary}).</translation>
    </message>
    <message>
        <source>Give a reason to undo the import.</source>
        <translation>Geef een reden om de import ongedaan te maken.</translation>
    </message>
    <message>
        <source>No such import in this study.</source>
        <translation>Deze import bestaat niet in deze studie.</translation>
    </message>
    <message>
        <source>This import was already undone.</source>
        <translation>Deze import is al ongedaan gemaakt.</translation>
    </message>
    <message>
        <source>Import of {file} undone: {n} lab results deleted.</source>
        <translation>Import van {file} ongedaan gemaakt: {n} laboratoriumuitslagen verwijderd.</translation>
    </message>
    <message>
        <source>no column chosen for {role_label_lower}</source>
        <translation>geen kolom gekozen voor {role_label_lower}</translation>
    </message>
    <message>
        <source>column &apos;{column}&apos; is not in the file&apos;s header</source>
        <translation>kolom &apos;{column}&apos; staat niet in de kopregel van het bestand</translation>
    </message>
    <message>
        <source>choose either a combined reference range or low/high columns</source>
        <translation>kies óf een gecombineerd referentiebereik óf kolommen voor onder- en bovengrens</translation>
    </message>
    <message>
        <source>unknown patient key &apos;{key}&apos;</source>
        <translation>onbekende patiëntsleutel &apos;{key}&apos;</translation>
    </message>
    <message>
        <source>test &apos;{test}&apos;: unknown analyte code &apos;{code}&apos;</source>
        <translation>test &apos;{test}&apos;: onbekende bepalingscode &apos;{code}&apos;</translation>
    </message>
    <message>
        <source>the mapping is not valid JSON ({error})</source>
        <translation>de koppeling is geen geldige JSON ({error})</translation>
    </message>
    <message>
        <source>not a JDM Desk lab mapping (missing &quot;format&quot;: &quot;jdmdesk-lab-mapping&quot;)</source>
        <translation>geen laboratoriumkoppeling van JDM Desk (&quot;format&quot;: &quot;jdmdesk-lab-mapping&quot; ontbreekt)</translation>
    </message>
    <message>
        <source>the mapping&apos;s &quot;{part}&quot; must map text to text</source>
        <translation>&quot;{part}&quot; in de koppeling moet tekst aan tekst koppelen</translation>
    </message>
    <message>
        <source>unknown column role(s): {roles}</source>
        <translation>onbekende kolomrol(len): {roles}</translation>
    </message>
    <message>
        <source>patient_key must be one of {keys}</source>
        <translation>patient_key moet een van deze zijn: {keys}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file</source>
        <translation>{path} is een map, geen bestand</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}: bestand bestaat niet</translation>
    </message>
    <message>
        <source>{file} is empty</source>
        <translation>{file} is leeg</translation>
    </message>
    <message>
        <source>{file} is a ZIP archive, not a CSV file: save the lab results as CSV or xlsx</source>
        <translation>{file} is een ZIP-archief, geen CSV-bestand: sla de laboratoriumuitslagen op als CSV of xlsx</translation>
    </message>
    <message>
        <source>{file} is not an xlsx workbook (it may be damaged, or another format renamed)</source>
        <translation>{file} is geen xlsx-werkmap (mogelijk beschadigd, of een ander formaat met een andere naam)</translation>
    </message>
    <message>
        <source>{file} is an old Excel (.xls) workbook: save it as xlsx or CSV first</source>
        <translation>{file} is een oude Excel-werkmap (.xls): sla deze eerst op als xlsx of CSV</translation>
    </message>
    <message>
        <source>{file} is a binary file, not a CSV or xlsx file</source>
        <translation>{file} is een binair bestand, geen CSV- of xlsx-bestand</translation>
    </message>
    <message>
        <source>{file} is neither UTF-8 nor Windows-1252 text</source>
        <translation>{file} is geen UTF-8- of Windows-1252-tekst</translation>
    </message>
    <message>
        <source>{file} has no header row (line 1 is empty)</source>
        <translation>{file} heeft geen kopregel (regel 1 is leeg)</translation>
    </message>
    <message>
        <source>{file}: column {n} of the header has no name</source>
        <translation>{file}: kolom {n} van de kopregel heeft geen naam</translation>
    </message>
    <message>
        <source>{file}: the header names column &apos;{column}&apos; twice</source>
        <translation>{file}: de kopregel noemt kolom &apos;{column}&apos; twee keer</translation>
    </message>
    <message>
        <source>{file}: line 1 cannot be read as CSV ({error})</source>
        <translation>{file}: regel 1 kan niet als CSV worden gelezen ({error})</translation>
    </message>
    <message>
        <source>cannot be read as CSV ({error})</source>
        <translation>kan niet als CSV worden gelezen ({error})</translation>
    </message>
    <message>
        <source>{file} cannot be read as an xlsx workbook ({error})</source>
        <translation>{file} kan niet als xlsx-werkmap worden gelezen ({error})</translation>
    </message>
    <message>
        <source>{file} has no worksheet</source>
        <translation>{file} heeft geen werkblad</translation>
    </message>
    <message>
        <source>{file}: the first sheet is empty</source>
        <translation>{file}: het eerste werkblad is leeg</translation>
    </message>
    <message>
        <source>a formula cell: type or paste its value instead</source>
        <translation>een formulecel: typ of plak in plaats daarvan de waarde</translation>
    </message>
    <message>
        <source>credentials are needed to open this study</source>
        <translation>gebruikersnaam en wachtwoord zijn nodig om deze studie te openen</translation>
    </message>
    <message>
        <source>the key file {file} is missing or damaged: open the study with its recovery key</source>
        <translation>het sleutelbestand {file} ontbreekt of is beschadigd: open de studie met de herstelsleutel</translation>
    </message>
    <message>
        <source>no password opened the study: open it with its recovery key</source>
        <translation>geen wachtwoord opende de studie: open hem met de herstelsleutel</translation>
    </message>
    <message>
        <source>this study has no users yet: open it for editing to create the first data manager</source>
        <translation>deze studie heeft nog geen gebruikers: open hem om te bewerken en maak de eerste datamanager aan</translation>
    </message>
    <message>
        <source>This is not a JDM Desk key file.</source>
        <translation>Dit is geen sleutelbestand van JDM Desk.</translation>
    </message>
    <message>
        <source>This key file has version {found}; this JDM Desk reads version {version}.</source>
        <translation>Dit sleutelbestand heeft versie {found}; deze JDM Desk leest versie {version}.</translation>
    </message>
    <message>
        <source>The key file is damaged and cannot be read.</source>
        <translation>Het sleutelbestand is beschadigd en kan niet worden gelezen.</translation>
    </message>
    <message>
        <source>The key file names an unknown key derivation.</source>
        <translation>Het sleutelbestand noemt een onbekende sleutelafleiding.</translation>
    </message>
    <message>
        <source>A recovery key has {n} characters; this has {given}.</source>
        <translation>Een herstelsleutel heeft {n} tekens; deze heeft er {given}.</translation>
    </message>
    <message>
        <source>A recovery key has no {characters}.</source>
        <translation>Een herstelsleutel bevat geen {characters}.</translation>
    </message>
    <message>
        <source>This recovery key has a typing error: check each group.</source>
        <translation>Deze herstelsleutel bevat een typefout: controleer elke groep.</translation>
    </message>
    <message>
        <source>This is not a recovery key of JDM Desk.</source>
        <translation>Dit is geen herstelsleutel van JDM Desk.</translation>
    </message>
    <message>
        <source>the key file {file} is missing: open the study with its recovery key</source>
        <translation>het sleutelbestand {file} ontbreekt: open de studie met de herstelsleutel</translation>
    </message>
    <message>
        <source>This study has no key mirror: it is not encrypted.</source>
        <translation>Deze studie heeft geen kopie van de sleutels: hij is niet versleuteld.</translation>
    </message>
    <message>
        <source>This file holds no wrapped keys: it is not a plain copy.</source>
        <translation>Dit bestand bevat geen verpakte sleutels: het is geen onversleutelde kopie.</translation>
    </message>
    <message>
        <source>{field_label} missing at baseline and follow-up</source>
        <translation>{field_label} ontbreekt bij de uitgangsmeting en de follow-up</translation>
    </message>
    <message>
        <source>{field_label} missing at baseline</source>
        <translation>{field_label} ontbreekt bij de uitgangsmeting</translation>
    </message>
    <message>
        <source>{field_label} missing at follow-up</source>
        <translation>{field_label} ontbreekt bij de follow-up</translation>
    </message>
    <message>
        <source>{measure_label}: {note}</source>
        <translation>{measure_label}: {note}</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}; {rest}</translation>
    </message>
    <message>
        <source>neither MMT8 nor CMAS present at both baseline and follow-up</source>
        <translation>geen MMT8 of CMAS bij zowel de uitgangsmeting als de follow-up</translation>
    </message>
    <message>
        <source>neither extramuscular global activity nor DAS total present at both visits</source>
        <translation>geen globale extramusculaire activiteit of DAS-totaal bij beide bezoeken</translation>
    </message>
    <message>
        <source>no CK, aldolase, ALAT, ASAT or LD at baseline</source>
        <translation>geen CK, aldolase, ALAT, ASAT of LD bij de uitgangsmeting</translation>
    </message>
    <message>
        <source>{enzymes} at baseline without a reference high (ULN): the most abnormal enzyme cannot be decided</source>
        <translation>{enzymes} bij de uitgangsmeting zonder bovengrens van normaal (ULN): het meest afwijkende enzym is niet te bepalen</translation>
    </message>
    <message>
        <source>{code} (most abnormal at baseline) missing at follow-up</source>
        <translation>{code} (het meest afwijkend bij de uitgangsmeting) ontbreekt bij de follow-up</translation>
    </message>
    <message>
        <source>{code}: percent change not computable (the baseline value is 0)</source>
        <translation>{code}: procentuele verandering niet te berekenen (de uitgangswaarde is 0)</translation>
    </message>
    <message>
        <source>{code}: change in multiples of the ULN not computable (no reference high at follow-up, or the baseline value is 0)</source>
        <translation>{code}: verandering in veelvouden van de ULN niet te berekenen (geen bovengrens bij de follow-up, of de uitgangswaarde is 0)</translation>
    </message>
    <message>
        <source>{app} {version} (bundled application)</source>
        <translation>{app} {version} (gebundelde toepassing)</translation>
    </message>
    <message>
        <source>{app} {version} (Python package)</source>
        <translation>{app} {version} (Python-pakket)</translation>
    </message>
    <message>
        <source>study file schema version {n}</source>
        <translation>schemaversie van het studiebestand {n}</translation>
    </message>
    <message>
        <source>on {system}</source>
        <translation>op {system}</translation>
    </message>
    <message>
        <source>{path} is a folder: give a file name for the export</source>
        <translation>{path} is een map: geef een bestandsnaam voor de export</translation>
    </message>
    <message>
        <source>cannot write {path}: the folder {folder} does not exist</source>
        <translation>kan {path} niet schrijven: de map {folder} bestaat niet</translation>
    </message>
    <message>
        <source>cannot write {path}: the folder {folder} is not writable</source>
        <translation>kan {path} niet schrijven: in de map {folder} mag niet worden geschreven</translation>
    </message>
    <message>
        <source>{path} already exists: choose another file name</source>
        <translation>{path} bestaat al: kies een andere bestandsnaam</translation>
    </message>
    <message>
        <source>cannot write {path}: the disk is full (nothing was written)</source>
        <translation>kan {path} niet schrijven: de schijf is vol (er is niets geschreven)</translation>
    </message>
    <message>
        <source>cannot write {path}: permission denied (nothing was written)</source>
        <translation>kan {path} niet schrijven: geen toestemming (er is niets geschreven)</translation>
    </message>
    <message>
        <source>cannot write {path}: {problem} (nothing was written)</source>
        <translation>kan {path} niet schrijven: {problem} (er is niets geschreven)</translation>
    </message>
    <message>
        <source>cannot read the study file {path}: {problem}</source>
        <translation>kan het studiebestand {path} niet lezen: {problem}</translation>
    </message>
    <message>
        <source>the study has no patients: there is no case series to report</source>
        <translation>de studie heeft geen patiënten: er is geen casusreeks om te rapporteren</translation>
    </message>
    <message>
        <source>no study codes given</source>
        <translation>geen studiecodes opgegeven</translation>
    </message>
    <message>
        <source>no patient with study code {codes}</source>
        <translation>geen patiënt met studiecode {codes}</translation>
    </message>
    <message>
        <source>This computer&apos;s clock ({now}) is earlier than the study&apos;s newest change ({newest}): set the date and time right before entering data. Changes and backups are kept in the order they are made, but they are stamped with this clock.</source>
        <translation>De klok van deze computer ({now}) loopt achter op de nieuwste wijziging in de studie ({newest}): zet datum en tijd goed voordat u gegevens invoert. Wijzigingen en back-ups blijven in de volgorde waarin ze gemaakt zijn, maar krijgen de tijd van deze klok.</translation>
    </message>
    <message>
        <source>The study file {path} is on a network drive ({fstype}). SQLite&apos;s write-ahead log is not safe on network file systems: keep the study file on this computer&apos;s own disk, and never open it from two computers at once.</source>
        <translation>Het studiebestand {path} staat op een netwerkschijf ({fstype}). Het write-ahead log van SQLite is niet veilig op netwerkbestandssystemen: bewaar het studiebestand op de eigen schijf van deze computer en open het nooit vanaf twee computers tegelijk.</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>onbekende tijd</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 dag</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} dagen</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 uur</translation>
    </message>
    <message>
        <source>{n} hours</source>
        <translation>{n} uur</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 minuut</translation>
    </message>
    <message>
        <source>{n} minutes</source>
        <translation>{n} minuten</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>minder dan een minuut</translation>
    </message>
    <message>
        <source>{name} is opened by {user} on {host} since {since} ({age} ago; last sign of life {silent} ago): it is open read-only here, changes cannot be saved. If {user} is no longer working on it (a crash, a computer switched off), a data manager can break the lock (File ▸ Break the lock…).</source>
        <translation>{name} is geopend door {user} op {host} sinds {since} ({age} geleden; laatste teken van leven {silent} geleden): hier is het alleen-lezen geopend, wijzigingen kunnen niet worden opgeslagen. Werkt {user} er niet meer aan (een crash, een uitgezette computer), dan kan een datamanager de vergrendeling opheffen (Bestand ▸ Studievergrendeling opheffen…).</translation>
    </message>
    <message>
        <source>{name} is opened by {user} on {host} since {since} ({age} ago; last sign of life {silent} ago): it is open read-only here, changes cannot be saved.</source>
        <translation>{name} is geopend door {user} op {host} sinds {since} ({age} geleden; laatste teken van leven {silent} geleden): hier is het alleen-lezen geopend, wijzigingen kunnen niet worden opgeslagen.</translation>
    </message>
    <message>
        <source>The lock of {name} is held by {user} on {host}, who gave a sign of life {silent} ago: it is in use and cannot be broken.</source>
        <translation>De vergrendeling van {name} is van {user} op {host}, die {silent} geleden een teken van leven gaf: de studie is in gebruik en de vergrendeling kan niet worden opgeheven.</translation>
    </message>
    <message>
        <source>{name} is locked by {user} on {host} since {since} ({age} ago); its last sign of life was {silent} ago. Break the lock only if nobody is working on the study: changes they have not saved yet would then be lost.</source>
        <translation>{name} is vergrendeld door {user} op {host} sinds {since} ({age} geleden); het laatste teken van leven was {silent} geleden. Hef de vergrendeling alleen op als niemand aan de studie werkt: nog niet opgeslagen wijzigingen gaan dan verloren.</translation>
    </message>
    <message>
        <source>{name} is not locked: nothing to break.</source>
        <translation>{name} is niet vergrendeld: er is niets op te heffen.</translation>
    </message>
    <message>
        <source>The lock of {name} was left in place.</source>
        <translation>De vergrendeling van {name} is blijven staan.</translation>
    </message>
    <message>
        <source>The lock of {name} changed meanwhile (its holder came back, or another instance took it): it was left in place.</source>
        <translation>De vergrendeling van {name} is intussen veranderd (de houder is terug, of een ander exemplaar nam haar over): ze is blijven staan.</translation>
    </message>
    <message>
        <source>The lock that {user} on {host} held on {name} was broken.</source>
        <translation>De vergrendeling die {user} op {host} had op {name} is opgeheven.</translation>
    </message>
    <message>
        <source>{name} cannot be locked for editing ({reason}): it is open read-only here.</source>
        <translation>{name} kan niet worden vergrendeld om te bewerken ({reason}): hier is het alleen-lezen geopend.</translation>
    </message>
    <message>
        <source>{name} is on a disk or share that is mounted read-only: it is open for review, changes cannot be saved. Copy it to a writable folder to edit it.</source>
        <translation>{name} staat op een schijf of share die alleen-lezen is gekoppeld: het is geopend om te bekijken, wijzigingen kunnen niet worden opgeslagen. Kopieer het naar een beschrijfbare map om het te bewerken.</translation>
    </message>
    <message>
        <source>{name} is on a disk or share that is mounted read-only: it is open for review, changes cannot be saved. Copy it to a writable folder to edit it. Its latest changes are in {wal}, which cannot be read here: copy both files together.</source>
        <translation>{name} staat op een schijf of share die alleen-lezen is gekoppeld: het is geopend om te bekijken, wijzigingen kunnen niet worden opgeslagen. Kopieer het naar een beschrijfbare map om het te bewerken. De nieuwste wijzigingen staan in {wal}, dat hier niet gelezen kan worden: kopieer beide bestanden samen.</translation>
    </message>
    <message>
        <source>{name} is read-only (file or folder permissions): open for review, changes cannot be saved.</source>
        <translation>{name} is alleen-lezen (rechten van bestand of map): geopend om te bekijken, wijzigingen kunnen niet worden opgeslagen.</translation>
    </message>
    <message>
        <source>The lock was broken, but the study could not be opened for editing: {why}</source>
        <translation>De vergrendeling is opgeheven, maar de studie kon niet worden geopend om te bewerken: {why}</translation>
    </message>
    <message>
        <source>{name} is already encrypted</source>
        <translation>{name} is al versleuteld</translation>
    </message>
    <message>
        <source>the encrypted copy {name}</source>
        <translation>de versleutelde kopie {name}</translation>
    </message>
    <message>
        <source>the encrypted copy failed ({reason})</source>
        <translation>de versleutelde kopie is mislukt ({reason})</translation>
    </message>
    <message>
        <source>The newest verified backup is {path} (made at an unknown time): restore it into a new study file (jdmdesk restore {path} --output NEW_STUDY).</source>
        <translation>De nieuwste gecontroleerde back-up is {path} (gemaakt op een onbekend tijdstip): zet deze terug in een nieuw studiebestand (jdmdesk restore {path} --output NIEUWE_STUDIE).</translation>
    </message>
    <message>
        <source>The newest verified backup is {path} (made {date} {time}): restore it into a new study file (jdmdesk restore {path} --output NEW_STUDY).</source>
        <translation>De nieuwste gecontroleerde back-up is {path} (gemaakt op {date} om {time}): zet deze terug in een nieuw studiebestand (jdmdesk restore {path} --output NIEUWE_STUDIE).</translation>
    </message>
    <message>
        <source>{problem_capitalized} {hint}</source>
        <translation>{problem_capitalized} {hint}</translation>
    </message>
    <message>
        <source>{problem_capitalized}</source>
        <translation>{problem_capitalized}</translation>
    </message>
    <message>
        <source>{problem_capitalized}. {hint}</source>
        <translation>{problem_capitalized}. {hint}</translation>
    </message>
    <message>
        <source>{problem_capitalized}.</source>
        <translation>{problem_capitalized}.</translation>
    </message>
    <message>
        <source>the study is open read-only: the plain copy could not be audited</source>
        <translation>de studie is alleen-lezen geopend: de onversleutelde kopie kon niet in de audittrail worden vastgelegd</translation>
    </message>
    <message>
        <source>the plain copy {name}</source>
        <translation>de onversleutelde kopie {name}</translation>
    </message>
    <message>
        <source>the plain copy failed ({reason})</source>
        <translation>de onversleutelde kopie is mislukt ({reason})</translation>
    </message>
    <message>
        <source>the study is not encrypted: use backup without --plain</source>
        <translation>de studie is niet versleuteld: gebruik backup zonder --plain</translation>
    </message>
    <message>
        <source>the new study {name}</source>
        <translation>de nieuwe studie {name}</translation>
    </message>
    <message>
        <source>{name} is a plain copy: log in to it first (your password opens your copy of its study key)</source>
        <translation>{name} is een onversleutelde kopie: meld u er eerst op aan (uw wachtwoord opent uw kopie van de studiesleutel)</translation>
    </message>
    <message>
        <source>the restore failed ({reason})</source>
        <translation>het terugzetten is mislukt ({reason})</translation>
    </message>
    <message>
        <source>{path} already exists: choose a new file name</source>
        <translation>{path} bestaat al: kies een nieuwe bestandsnaam</translation>
    </message>
    <message>
        <source>the copy {name}</source>
        <translation>de kopie {name}</translation>
    </message>
    <message>
        <source>the restored copy {name}</source>
        <translation>de teruggezette kopie {name}</translation>
    </message>
    <message>
        <source>{name}: not a JDM Desk study</source>
        <translation>{name}: geen studie van JDM Desk</translation>
    </message>
    <message>
        <source>{name}: schema version {version} cannot be read by this version</source>
        <translation>{name}: schemaversie {version} kan door deze versie niet worden gelezen</translation>
    </message>
    <message>
        <source>{name}: {problem}</source>
        <translation>{name}: {problem}</translation>
    </message>
    <message>
        <source>{name}: encrypted, and its study is not unlocked: log in first</source>
        <translation>{name}: versleuteld, en de studie ervan is niet ontgrendeld: meld u eerst aan</translation>
    </message>
    <message>
        <source>{name}: cannot be opened ({error})</source>
        <translation>{name}: kan niet worden geopend ({error})</translation>
    </message>
    <message>
        <source>{name}: damaged ({reason})</source>
        <translation>{name}: beschadigd ({reason})</translation>
    </message>
    <message>
        <source>the backup failed ({reason})</source>
        <translation>de back-up is mislukt ({reason})</translation>
    </message>
    <message>
        <source>{name} does not verify ({problems}): it was not restored; restore it only if you accept a copy that may have been altered</source>
        <translation>{name} doorstaat de controle niet ({problems}): de back-up is niet teruggezet; zet deze alleen terug als u een kopie accepteert die mogelijk is gewijzigd</translation>
    </message>
    <message>
        <source>{path} already exists: restore into a new file name</source>
        <translation>{path} bestaat al: zet terug in een nieuwe bestandsnaam</translation>
    </message>
    <message>
        <source>restore into a new file, not onto the backup itself</source>
        <translation>zet terug in een nieuw bestand, niet over de back-up zelf</translation>
    </message>
    <message>
        <source>{path}: {problem}</source>
        <translation>{path}: {problem}</translation>
    </message>
    <message>
        <source>cannot read the file ({error})</source>
        <translation>kan het bestand niet lezen ({error})</translation>
    </message>
    <message>
        <source>no such study file</source>
        <translation>dit studiebestand bestaat niet</translation>
    </message>
    <message>
        <source>is a folder, not a study file</source>
        <translation>is een map, geen studiebestand</translation>
    </message>
    <message>
        <source>the file is empty (0 bytes): not a study file</source>
        <translation>het bestand is leeg (0 bytes): geen studiebestand</translation>
    </message>
    <message>
        <source>not a JDM Desk study file (not an SQLite database), or an encrypted study whose key file {name} is missing</source>
        <translation>geen studiebestand van JDM Desk (geen SQLite-database), of een versleutelde studie waarvan het sleutelbestand {name} ontbreekt</translation>
    </message>
    <message>
        <source>the file is truncated (damaged header)</source>
        <translation>het bestand is afgekapt (beschadigde header)</translation>
    </message>
    <message>
        <source>the study file failed its integrity check ({problem}); nothing was saved</source>
        <translation>het studiebestand heeft de integriteitscontrole niet doorstaan ({problem}); er is niets opgeslagen</translation>
    </message>
    <message>
        <source>the disk is full{where}: nothing was written; free some space and try again</source>
        <translation>de schijf is vol{where}: er is niets geschreven; maak ruimte vrij en probeer het opnieuw</translation>
    </message>
    <message>
        <source>the study file cannot be written{where}: it is read-only ({error})</source>
        <translation>het studiebestand kan niet worden geschreven{where}: het is alleen-lezen ({error})</translation>
    </message>
    <message>
        <source>the study file is busy in another program{where}: try again ({error})</source>
        <translation>het studiebestand is in gebruik door een ander programma{where}: probeer het opnieuw ({error})</translation>
    </message>
    <message>
        <source>the database reported an error{where}: {error}</source>
        <translation>de database meldde een fout{where}: {error}</translation>
    </message>
    <message>
        <source>{error}{where}</source>
        <translation>{error}{where}</translation>
    </message>
    <message>
        <source>an older study file that must be upgraded, but no verified backup of it could be made first ({error})</source>
        <translation>een ouder studiebestand dat moet worden bijgewerkt, maar er kon eerst geen gecontroleerde back-up van worden gemaakt ({error})</translation>
    </message>
    <message>
        <source>a file already exists there</source>
        <translation>daar staat al een bestand</translation>
    </message>
    <message>
        <source>cannot create the study file ({error})</source>
        <translation>kan het studiebestand niet aanmaken ({error})</translation>
    </message>
    <message>
        <source>made by a newer JDM Desk (schema {version}; this version reads up to {latest}): update JDM Desk to open it</source>
        <translation>gemaakt door een nieuwere JDM Desk (schema {version}; deze versie leest tot en met {latest}): werk JDM Desk bij om het te openen</translation>
    </message>
    <message>
        <source>an older study file (version {version}; this JDM Desk writes version {latest}) that must be upgraded, but it is open read-only: open it once in the JDM Desk window as a user who may edit (it is backed up, then upgraded), then try again</source>
        <translation>een ouder studiebestand (versie {version}; deze JDM Desk schrijft versie {latest}) dat moet worden bijgewerkt, maar het is alleen-lezen geopend: open het eenmaal in het venster van JDM Desk als gebruiker die mag wijzigen (er wordt een back-up gemaakt en het wordt bijgewerkt) en probeer het dan opnieuw</translation>
    </message>
    <message>
        <source>cannot open the file ({error})</source>
        <translation>kan het bestand niet openen ({error})</translation>
    </message>
    <message>
        <source>the integrity check was stopped before it ended</source>
        <translation>de integriteitscontrole is gestopt voordat deze klaar was</translation>
    </message>
    <message>
        <source>the disk holding the file is full: free some space, then open it again (the file was not changed)</source>
        <translation>de schijf met het bestand is vol: maak ruimte vrij en open het opnieuw (het bestand is niet gewijzigd)</translation>
    </message>
    <message>
        <source>an SQLite database of another application, not a JDM Desk study</source>
        <translation>een SQLite-database van een andere toepassing, geen studie van JDM Desk</translation>
    </message>
    <message>
        <source>the file is damaged, or was changed outside JDM Desk, or does not belong to this key file (it does not decrypt)</source>
        <translation>het bestand is beschadigd, of is buiten JDM Desk gewijzigd, of hoort niet bij dit sleutelbestand (het laat zich niet ontsleutelen)</translation>
    </message>
    <message>
        <source>the file is damaged ({reason})</source>
        <translation>het bestand is beschadigd ({reason})</translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved. Free some space and save again.</source>
        <translation>De schijf is vol: er is niets opgeslagen. Maak ruimte vrij en sla opnieuw op.</translation>
    </message>
    <message>
        <source>The study file is read-only: nothing was saved.</source>
        <translation>Het studiebestand is alleen-lezen: er is niets opgeslagen.</translation>
    </message>
    <message>
        <source>The study file is busy in another program: nothing was saved. Try again.</source>
        <translation>Het studiebestand is in gebruik door een ander programma: er is niets opgeslagen. Probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The disk reported an error ({error}): nothing was saved.</source>
        <translation>De schijf meldde een fout ({error}): er is niets opgeslagen.</translation>
    </message>
    <message>
        <source>The database refused the change ({error}): nothing was saved.</source>
        <translation>De database weigerde de wijziging ({error}): er is niets opgeslagen.</translation>
    </message>
</context>
<context>
    <name>About</name>
    <message>
        <source>About {app}</source>
        <translation>Over {app}</translation>
    </message>
    <message>
        <source>{app}: offline data capture for juvenile dermatomyositis studies.</source>
        <translation>{app}: offline gegevensverzameling voor studies naar juveniele dermatomyositis.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The study file failed its integrity check: {problem}. Nothing can be saved; close it and restore a verified backup.</source>
        <translation>Het studiebestand heeft de integriteitscontrole niet doorstaan: {problem}. Er kan niets worden opgeslagen; sluit het en zet een gecontroleerde back-up terug.</translation>
    </message>
    <message>
        <source>This study was made before encryption: it is open read-only. A data manager can write an encrypted copy (File ▸ Write an encrypted copy…) and work in that.</source>
        <translation>Deze studie is gemaakt vóór de versleuteling: ze is alleen-lezen geopend. Een datamanager kan een versleutelde kopie schrijven (Bestand ▸ Versleutelde kopie schrijven…) en daarin verder werken.</translation>
    </message>
</context>
<context>
    <name>CaseSeriesDialog</name>
    <message>
        <source>Case series report</source>
        <translation>Rapport casusreeks</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>Replace report files already in the folder</source>
        <translation>Rapportbestanden die al in de map staan vervangen</translation>
    </message>
    <message>
        <source>Pseudonymised: study codes and study days only.</source>
        <translation>Gepseudonimiseerd: alleen studiecodes en studiedagen.</translation>
    </message>
    <message>
        <source>Write report</source>
        <translation>Rapport schrijven</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patiënten</translation>
    </message>
    <message>
        <source>Write the report into</source>
        <translation>Het rapport schrijven in</translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation>Kies een map.</translation>
    </message>
    <message>
        <source>Choose at least one patient.</source>
        <translation>Kies ten minste één patiënt.</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Het rapport wordt geschreven…</translation>
    </message>
</context>
<context>
    <name>CaseSeriesWorker</name>
    <message>
        <source>The report could not be written: {why}</source>
        <translation>Het rapport kon niet worden geschreven: {why}</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <source>CMAS total</source>
        <translation>CMAS totaal</translation>
    </message>
    <message>
        <source>MMT8 total</source>
        <translation>MMT8 totaal</translation>
    </message>
    <message>
        <source>CHAQ disability index</source>
        <translation>CHAQ disability index</translation>
    </message>
    <message>
        <source>DAS total</source>
        <translation>DAS totaal</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Bezoek</translation>
    </message>
    <message>
        <source>Global activity (0–10 cm VAS)</source>
        <translation>Globale activiteit (0–10 cm VAS)</translation>
    </message>
    <message>
        <source>MMT8 (Kendall 0–10)</source>
        <translation>MMT8 (Kendall 0–10)</translation>
    </message>
    <message>
        <source>CHAQ domains (0–3)</source>
        <translation>CHAQ-domeinen (0–3)</translation>
    </message>
    <message>
        <source>Skin findings</source>
        <translation>Huidbevindingen</translation>
    </message>
    <message>
        <source>Physical activity</source>
        <translation>Lichamelijke activiteit</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>&amp;Adverse events</source>
        <translation>Bij&amp;werkingen</translation>
    </message>
    <message>
        <source>&amp;Labs</source>
        <translation>&amp;Laboratorium</translation>
    </message>
    <message>
        <source>&amp;Medication</source>
        <translation>&amp;Medicatie</translation>
    </message>
    <message>
        <source>&amp;Visits</source>
        <translation>Be&amp;zoeken</translation>
    </message>
    <message>
        <source>&apos;&lt;&apos; or &apos;&gt;&apos; when the lab reported the value as beyond a limit; the value is then that limit</source>
        <translation>&apos;&lt;&apos; of &apos;&gt;&apos; als het lab de waarde buiten een grens rapporteerde; de waarde is dan die grens</translation>
    </message>
    <message>
        <source>/20</source>
        <translation>/20</translation>
    </message>
    <message>
        <source>/52</source>
        <translation>/52</translation>
    </message>
    <message>
        <source>/80</source>
        <translation>/80</translation>
    </message>
    <message>
        <source>0 Bed- or chair-bound</source>
        <translation>0 Bed- of stoelgebonden</translation>
    </message>
    <message>
        <source>0-10 cm VAS of overall damage, higher = worse</source>
        <translation>VAS 0-10 cm van de totale schade, hoger = slechter</translation>
    </message>
    <message>
        <source>0-10 cm VAS: 0 = no damage, 10 = most severe damage</source>
        <translation>VAS 0-10 cm: 0 = geen schade, 10 = zeer ernstige schade</translation>
    </message>
    <message>
        <source>0-10 cm visual analogue scale, higher = worse</source>
        <translation>0-10 cm visueel-analoge schaal, hoger = slechter</translation>
    </message>
    <message>
        <source>0-2</source>
        <translation>0-2</translation>
    </message>
    <message>
        <source>0-3</source>
        <translation>0-3</translation>
    </message>
    <message>
        <source>0-3, worst item; at least 2 with aids or help</source>
        <translation>0-3, slechtste item; minstens 2 bij hulpmiddelen of hulp</translation>
    </message>
    <message>
        <source>0-4</source>
        <translation>0-4</translation>
    </message>
    <message>
        <source>0-5</source>
        <translation>0-5</translation>
    </message>
    <message>
        <source>0-6</source>
        <translation>0-6</translation>
    </message>
    <message>
        <source>0–10</source>
        <translation>0–10</translation>
    </message>
    <message>
        <source>1 Mild</source>
        <translation>1 Mild</translation>
    </message>
    <message>
        <source>1 Walks indoors only</source>
        <translation>1 Loopt alleen binnenshuis</translation>
    </message>
    <message>
        <source>2 Limited outdoor activity, no sport</source>
        <translation>2 Beperkt actief buiten, geen sport</translation>
    </message>
    <message>
        <source>2 Moderate</source>
        <translation>2 Matig</translation>
    </message>
    <message>
        <source>3 Normal school activity, adapted sport</source>
        <translation>3 Normale schoolactiviteit, aangepast sporten</translation>
    </message>
    <message>
        <source>3 Severe</source>
        <translation>3 Ernstig</translation>
    </message>
    <message>
        <source>4 Life-threatening</source>
        <translation>4 Levensbedreigend</translation>
    </message>
    <message>
        <source>4 Unrestricted, including sport</source>
        <translation>4 Onbeperkt, ook sport</translation>
    </message>
    <message>
        <source>5 Death</source>
        <translation>5 Overlijden</translation>
    </message>
    <message>
        <source>ASAT</source>
        <translation>ASAT</translation>
    </message>
    <message>
        <source>Above the limit: the true value is higher than the value given</source>
        <translation>Boven de grens: de werkelijke waarde is hoger dan de opgegeven waarde</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>Genomen maatregel</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Active (3 criteria met is impossible)</source>
        <translation>Actief (3 criteria voldaan is onmogelijk)</translation>
    </message>
    <message>
        <source>Adverse Event</source>
        <translation>Bijwerking</translation>
    </message>
    <message>
        <source>Adverse event</source>
        <translation>Bijwerking</translation>
    </message>
    <message>
        <source>Alanine aminotransferase</source>
        <translation>Alanineaminotransferase</translation>
    </message>
    <message>
        <source>Aldolase</source>
        <translation>Aldolase</translation>
    </message>
    <message>
        <source>Alopecia</source>
        <translation>Alopecia</translation>
    </message>
    <message>
        <source>Alternate days</source>
        <translation>Om de dag</translation>
    </message>
    <message>
        <source>Analyte</source>
        <translation>Bepaling</translation>
    </message>
    <message>
        <source>Angina or coronary artery disease</source>
        <translation>Angina pectoris of coronairlijden</translation>
    </message>
    <message>
        <source>Arterial thrombosis or claudication</source>
        <translation>Arteriële trombose of claudicatio</translation>
    </message>
    <message>
        <source>As reported, in the unit chosen; &apos;&lt;5&apos; or &apos;&gt;2000&apos; for a result beyond a limit of the method</source>
        <translation>Zoals gerapporteerd, in de gekozen eenheid; &apos;&lt;5&apos; of &apos;&gt;2000&apos; voor een uitslag buiten een grens van de methode</translation>
    </message>
    <message>
        <source>Aspartate aminotransferase</source>
        <translation>Aspartaataminotransferase</translation>
    </message>
    <message>
        <source>Avascular necrosis</source>
        <translation>Avasculaire necrose</translation>
    </message>
    <message>
        <source>Below the limit: the true value is lower than the value given</source>
        <translation>Onder de grens: de werkelijke waarde is lager dan de opgegeven waarde</translation>
    </message>
    <message>
        <source>C-reactive protein</source>
        <translation>C-reactief proteïne</translation>
    </message>
    <message>
        <source>CDASI</source>
        <translation>CDASI</translation>
    </message>
    <message>
        <source>CDASI activity</source>
        <translation>CDASI activiteit</translation>
    </message>
    <message>
        <source>CDASI damage</source>
        <translation>CDASI schade</translation>
    </message>
    <message>
        <source>CDISC ODM 1.3.2 (.xml)</source>
        <translation>CDISC ODM 1.3.2 (.xml)</translation>
    </message>
    <message>
        <source>CHAQ</source>
        <translation>CHAQ</translation>
    </message>
    <message>
        <source>CHAQ Activities</source>
        <translation>CHAQ Activiteiten</translation>
    </message>
    <message>
        <source>CHAQ Arising</source>
        <translation>CHAQ Opstaan</translation>
    </message>
    <message>
        <source>CHAQ DI</source>
        <translation>CHAQ DI</translation>
    </message>
    <message>
        <source>CHAQ Dressing and grooming</source>
        <translation>CHAQ Aankleden en verzorgen</translation>
    </message>
    <message>
        <source>CHAQ Eating</source>
        <translation>CHAQ Eten</translation>
    </message>
    <message>
        <source>CHAQ Grip</source>
        <translation>CHAQ Grijpen</translation>
    </message>
    <message>
        <source>CHAQ Hygiene</source>
        <translation>CHAQ Hygiëne</translation>
    </message>
    <message>
        <source>CHAQ Reach</source>
        <translation>CHAQ Reiken</translation>
    </message>
    <message>
        <source>CHAQ Walking</source>
        <translation>CHAQ Lopen</translation>
    </message>
    <message>
        <source>CK</source>
        <translation>CK</translation>
    </message>
    <message>
        <source>CMAS</source>
        <translation>CMAS</translation>
    </message>
    <message>
        <source>CMAS 1 Head elevation</source>
        <translation>CMAS 1 Hoofd optillen</translation>
    </message>
    <message>
        <source>CMAS 1 seconds</source>
        <translation>CMAS 1 seconden</translation>
    </message>
    <message>
        <source>CMAS 10 All-fours manoeuvre</source>
        <translation>CMAS 10 Handen-en-knieënhouding</translation>
    </message>
    <message>
        <source>CMAS 11 Floor rise</source>
        <translation>CMAS 11 Opstaan van de vloer</translation>
    </message>
    <message>
        <source>CMAS 12 Chair rise</source>
        <translation>CMAS 12 Opstaan uit stoel</translation>
    </message>
    <message>
        <source>CMAS 13 Stool step</source>
        <translation>CMAS 13 Op krukje stappen</translation>
    </message>
    <message>
        <source>CMAS 14 Pick-up</source>
        <translation>CMAS 14 Oprapen</translation>
    </message>
    <message>
        <source>CMAS 2 Leg raise / touch object</source>
        <translation>CMAS 2 Been heffen / object aantikken</translation>
    </message>
    <message>
        <source>CMAS 3 Straight leg lift</source>
        <translation>CMAS 3 Gestrekt been heffen</translation>
    </message>
    <message>
        <source>CMAS 3 seconds</source>
        <translation>CMAS 3 seconden</translation>
    </message>
    <message>
        <source>CMAS 4 Supine to prone</source>
        <translation>CMAS 4 Rug- naar buikligging</translation>
    </message>
    <message>
        <source>CMAS 5 Sit-ups</source>
        <translation>CMAS 5 Sit-ups</translation>
    </message>
    <message>
        <source>CMAS 6 Supine to sit</source>
        <translation>CMAS 6 Ruglig naar zit</translation>
    </message>
    <message>
        <source>CMAS 7 Arm raise / straighten</source>
        <translation>CMAS 7 Armen heffen / strekken</translation>
    </message>
    <message>
        <source>CMAS 8 Arm raise duration</source>
        <translation>CMAS 8 Duur armen heffen</translation>
    </message>
    <message>
        <source>CMAS 8 seconds</source>
        <translation>CMAS 8 seconden</translation>
    </message>
    <message>
        <source>CMAS 9 Floor sit</source>
        <translation>CMAS 9 Op de vloer gaan zitten</translation>
    </message>
    <message>
        <source>Calcinosis</source>
        <translation>Calcinosis</translation>
    </message>
    <message>
        <source>Cardiovascular</source>
        <translation>Cardiovasculair</translation>
    </message>
    <message>
        <source>Cataract</source>
        <translation>Cataract</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Censored</source>
        <translation>Gecensureerd</translation>
    </message>
    <message>
        <source>Change in multiples of the upper limit of normal</source>
        <translation>Verandering in veelvouden van de bovengrens van normaal</translation>
    </message>
    <message>
        <source>Chronic infection</source>
        <translation>Chronische infectie</translation>
    </message>
    <message>
        <source>Ciclosporin</source>
        <translation>Ciclosporine</translation>
    </message>
    <message>
        <source>Clinically inactive (≥ 3 of 4 PRINTO criteria met)</source>
        <translation>Klinisch inactief (≥ 3 van 4 PRINTO-criteria voldaan)</translation>
    </message>
    <message>
        <source>Creatine kinase</source>
        <translation>Creatinekinase</translation>
    </message>
    <message>
        <source>Creatinine</source>
        <translation>Creatinine</translation>
    </message>
    <message>
        <source>Cutaneous</source>
        <translation>Huid</translation>
    </message>
    <message>
        <source>Cutaneous scarring or atrophy</source>
        <translation>Littekens of atrofie van de huid</translation>
    </message>
    <message>
        <source>Cyclophosphamide</source>
        <translation>Cyclofosfamide</translation>
    </message>
    <message>
        <source>DAS</source>
        <translation>DAS</translation>
    </message>
    <message>
        <source>DAS muscle</source>
        <translation>DAS spier</translation>
    </message>
    <message>
        <source>DAS skin</source>
        <translation>DAS huid</translation>
    </message>
    <message>
        <source>DAS skin + DAS muscle</source>
        <translation>DAS huid + DAS spier</translation>
    </message>
    <message>
        <source>DI</source>
        <translation>DI</translation>
    </message>
    <message>
        <source>Daily dose</source>
        <translation>Dagdosis</translation>
    </message>
    <message>
        <source>Damage present for at least 6 months (Yes/No); blank = not assessed</source>
        <translation>Schade aanwezig gedurende ten minste 6 maanden (Ja/Nee); leeg = niet beoordeeld</translation>
    </message>
    <message>
        <source>Data entry</source>
        <translation>Gegevensinvoer</translation>
    </message>
    <message>
        <source>Data manager</source>
        <translation>Datamanager</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>global</source>
        <translation>globaal</translation>
    </message>
    <message>
        <source>muscular</source>
        <translation>musculair</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>activiteit</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geboortedatum</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Decrease</source>
        <translation>Verlaging</translation>
    </message>
    <message>
        <source>Definite</source>
        <translation>Zeker</translation>
    </message>
    <message>
        <source>Deforming arthropathy</source>
        <translation>Deformerende artropathie</translation>
    </message>
    <message>
        <source>Delay in secondary sexual characteristics</source>
        <translation>Vertraagde ontwikkeling van secundaire geslachtskenmerken</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Verwijderd</translation>
    </message>
    <message>
        <source>Dexamethasone</source>
        <translation>Dexamethason</translation>
    </message>
    <message>
        <source>Diabetes mellitus</source>
        <translation>Diabetes mellitus</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Diastolic blood pressure</source>
        <translation>Diastolische bloeddruk</translation>
    </message>
    <message>
        <source>Digit loss</source>
        <translation>Verlies van vinger of teen</translation>
    </message>
    <message>
        <source>Disease onset</source>
        <translation>Begin ziekte</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>Dose per kg (the drug&apos;s own mg)</source>
        <translation>Dosis per kg (mg van het middel zelf)</translation>
    </message>
    <message>
        <source>Dose reduced</source>
        <translation>Dosis verlaagd</translation>
    </message>
    <message>
        <source>Dose unit</source>
        <translation>Dosiseenheid</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>Geneesmiddel</translation>
    </message>
    <message>
        <source>Dysphagia</source>
        <translation>Dysfagie</translation>
    </message>
    <message>
        <source>Dysphonia</source>
        <translation>Dysfonie</translation>
    </message>
    <message>
        <source>Electrolyte disturbance</source>
        <translation>Elektrolytstoornis</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Einde</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Einddatum</translation>
    </message>
    <message>
        <source>Endocrine</source>
        <translation>Endocrien</translation>
    </message>
    <message>
        <source>Erythrocyte sedimentation rate</source>
        <translation>Bezinkingssnelheid (BSE)</translation>
    </message>
    <message>
        <source>Every 4 weeks</source>
        <translation>Elke 4 weken</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel-werkmap (.xlsx)</translation>
    </message>
    <message>
        <source>Extra-</source>
        <translation>Extra-</translation>
    </message>
    <message>
        <source>Extram.</source>
        <translation>Extram.</translation>
    </message>
    <message>
        <source>Extramusc.</source>
        <translation>Extramusc.</translation>
    </message>
    <message>
        <source>Extramuscular GA</source>
        <translation>Extramusculaire GA</translation>
    </message>
    <message>
        <source>Extramuscular activity</source>
        <translation>Extramusculaire activiteit</translation>
    </message>
    <message>
        <source>Extramuscular global activity</source>
        <translation>Globale extramusculaire activiteit</translation>
    </message>
    <message>
        <source>Failed attempts</source>
        <translation>Mislukte pogingen</translation>
    </message>
    <message>
        <source>Fatal</source>
        <translation>Fataal</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Vrouw</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>First visit in the study</source>
        <translation>Eerste bezoek in de studie</translation>
    </message>
    <message>
        <source>Four times daily</source>
        <translation>4× per dag</translation>
    </message>
    <message>
        <source>Freq.</source>
        <translation>Freq.</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frequentie</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Volledige naam</translation>
    </message>
    <message>
        <source>Gastrointestinal</source>
        <translation>Gastro-intestinaal</translation>
    </message>
    <message>
        <source>Gastrointestinal dysmotility</source>
        <translation>Gastro-intestinale motiliteitsstoornis</translation>
    </message>
    <message>
        <source>Global rated by</source>
        <translation>Globale score gegeven door</translation>
    </message>
    <message>
        <source>Glucose</source>
        <translation>Glucose</translation>
    </message>
    <message>
        <source>Gottron papules / sign</source>
        <translation>Gottron-papels / teken van Gottron</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Graad</translation>
    </message>
    <message>
        <source>Grade (CTCAE)</source>
        <translation>Graad (CTCAE)</translation>
    </message>
    <message>
        <source>Growth failure</source>
        <translation>Groeiachterstand</translation>
    </message>
    <message>
        <source>Haematological</source>
        <translation>Hematologisch</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Lengte</translation>
    </message>
    <message>
        <source>Heliotrope rash</source>
        <translation>Heliotroop exantheem</translation>
    </message>
    <message>
        <source>Hirsutism or abnormal fat distribution</source>
        <translation>Hirsutisme of afwijkende vetverdeling</translation>
    </message>
    <message>
        <source>Hospital number</source>
        <translation>Ziekenhuisnummer</translation>
    </message>
    <message>
        <source>Hydrocortisone</source>
        <translation>Hydrocortison</translation>
    </message>
    <message>
        <source>Hydroxychloroquine</source>
        <translation>Hydroxychloroquine</translation>
    </message>
    <message>
        <source>Hypertension</source>
        <translation>Hypertensie</translation>
    </message>
    <message>
        <source>Hypertension treated for more than 6 months</source>
        <translation>Hypertensie langer dan 6 maanden behandeld</translation>
    </message>
    <message>
        <source>Impaired lung function</source>
        <translation>Verminderde longfunctie</translation>
    </message>
    <message>
        <source>Inactive disease (PRINTO)</source>
        <translation>Inactieve ziekte (PRINTO)</translation>
    </message>
    <message>
        <source>Increase</source>
        <translation>Verhoging</translation>
    </message>
    <message>
        <source>Inefficacy</source>
        <translation>Onvoldoende effect</translation>
    </message>
    <message>
        <source>Infarction or resection of bowel or other GI organ</source>
        <translation>Infarct of resectie van darm of ander maag-darmorgaan</translation>
    </message>
    <message>
        <source>Infection</source>
        <translation>Infectie</translation>
    </message>
    <message>
        <source>Infertility</source>
        <translation>Infertiliteit</translation>
    </message>
    <message>
        <source>Initials</source>
        <translation>Initialen</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Onderbroken</translation>
    </message>
    <message>
        <source>Intramuscular</source>
        <translation>Intramusculair</translation>
    </message>
    <message>
        <source>Intravenous</source>
        <translation>Intraveneus</translation>
    </message>
    <message>
        <source>Intravenous immunoglobulin</source>
        <translation>Intraveneus immunoglobuline</translation>
    </message>
    <message>
        <source>Irregular menses or amenorrhoea</source>
        <translation>Onregelmatige menstruatie of amenorroe</translation>
    </message>
    <message>
        <source>Joint contractures</source>
        <translation>Gewrichtscontracturen</translation>
    </message>
    <message>
        <source>Kendall 0-10</source>
        <translation>Kendall 0-10</translation>
    </message>
    <message>
        <source>LD</source>
        <translation>LD</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>Laboratorium</translation>
    </message>
    <message>
        <source>Laboratory result</source>
        <translation>Laboratoriumuitslag</translation>
    </message>
    <message>
        <source>Lactate dehydrogenase</source>
        <translation>Lactaatdehydrogenase</translation>
    </message>
    <message>
        <source>Last assessment on or before the tacrolimus start</source>
        <translation>Laatste meting op of vóór de start van tacrolimus</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Laatste bezoek</translation>
    </message>
    <message>
        <source>Latest TIS</source>
        <translation>Laatste TIS</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;-&apos; and &apos;_&apos;; unique in the study</source>
        <translation>Letters, cijfers, &apos;-&apos; en &apos;_&apos;; uniek in de studie</translation>
    </message>
    <message>
        <source>Limb loss</source>
        <translation>Verlies van ledemaat</translation>
    </message>
    <message>
        <source>Limitation of joint motion (passive)</source>
        <translation>Beperkte gewrichtsbeweeglijkheid (passief)</translation>
    </message>
    <message>
        <source>Lipodystrophy</source>
        <translation>Lipodystrofie</translation>
    </message>
    <message>
        <source>Liver fibrosis or cirrhosis</source>
        <translation>Leverfibrose of cirrose</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren gegaan</translation>
    </message>
    <message>
        <source>Low serum creatinine</source>
        <translation>Laag serumcreatinine</translation>
    </message>
    <message>
        <source>Lower limit of the lab&apos;s reference range, in the result&apos;s unit</source>
        <translation>Ondergrens van het referentiebereik van het lab, in de eenheid van de uitslag</translation>
    </message>
    <message>
        <source>MDI</source>
        <translation>MDI</translation>
    </message>
    <message>
        <source>MDI cardiovascular damage severity</source>
        <translation>MDI ernst van de schade: cardiovasculair</translation>
    </message>
    <message>
        <source>MDI cardiovascular: Angina or coronary artery disease</source>
        <translation>MDI cardiovasculair: Angina pectoris of coronairlijden</translation>
    </message>
    <message>
        <source>MDI cardiovascular: Hypertension treated for more than 6 months</source>
        <translation>MDI cardiovasculair: Hypertensie langer dan 6 maanden behandeld</translation>
    </message>
    <message>
        <source>MDI cardiovascular: Myocardial infarction</source>
        <translation>MDI cardiovasculair: Myocardinfarct</translation>
    </message>
    <message>
        <source>MDI cardiovascular: Ventricular dysfunction or cardiomyopathy</source>
        <translation>MDI cardiovasculair: Ventrikeldysfunctie of cardiomyopathie</translation>
    </message>
    <message>
        <source>MDI cutaneous damage severity</source>
        <translation>MDI ernst van de schade: huid</translation>
    </message>
    <message>
        <source>MDI cutaneous: Alopecia</source>
        <translation>MDI huid: Alopecia</translation>
    </message>
    <message>
        <source>MDI cutaneous: Calcinosis</source>
        <translation>MDI huid: Calcinose</translation>
    </message>
    <message>
        <source>MDI cutaneous: Cutaneous scarring or atrophy</source>
        <translation>MDI huid: Littekens of atrofie van de huid</translation>
    </message>
    <message>
        <source>MDI cutaneous: Lipodystrophy</source>
        <translation>MDI huid: Lipodystrofie</translation>
    </message>
    <message>
        <source>MDI cutaneous: Poikiloderma</source>
        <translation>MDI huid: Poikilodermie</translation>
    </message>
    <message>
        <source>MDI endocrine damage severity</source>
        <translation>MDI ernst van de schade: endocrien</translation>
    </message>
    <message>
        <source>MDI endocrine: Delay in secondary sexual characteristics</source>
        <translation>MDI endocrien: Vertraagde ontwikkeling van secundaire geslachtskenmerken</translation>
    </message>
    <message>
        <source>MDI endocrine: Diabetes mellitus</source>
        <translation>MDI endocrien: Diabetes mellitus</translation>
    </message>
    <message>
        <source>MDI endocrine: Growth failure</source>
        <translation>MDI endocrien: Groeiachterstand</translation>
    </message>
    <message>
        <source>MDI endocrine: Hirsutism or abnormal fat distribution</source>
        <translation>MDI endocrien: Hirsutisme of afwijkende vetverdeling</translation>
    </message>
    <message>
        <source>MDI endocrine: Infertility</source>
        <translation>MDI endocrien: Infertiliteit</translation>
    </message>
    <message>
        <source>MDI endocrine: Irregular menses or amenorrhoea</source>
        <translation>MDI endocrien: Onregelmatige menstruatie of amenorroe</translation>
    </message>
    <message>
        <source>MDI extent</source>
        <translation>MDI-omvang</translation>
    </message>
    <message>
        <source>MDI extent of damage</source>
        <translation>MDI omvang van de schade</translation>
    </message>
    <message>
        <source>MDI gastrointestinal damage severity</source>
        <translation>MDI ernst van de schade: gastro-intestinaal</translation>
    </message>
    <message>
        <source>MDI gastrointestinal: Dysphagia</source>
        <translation>MDI gastro-intestinaal: Dysfagie</translation>
    </message>
    <message>
        <source>MDI gastrointestinal: Gastrointestinal dysmotility</source>
        <translation>MDI gastro-intestinaal: Gastro-intestinale motiliteitsstoornis</translation>
    </message>
    <message>
        <source>MDI gastrointestinal: Infarction or resection of bowel or other GI organ</source>
        <translation>MDI gastro-intestinaal: Infarct of resectie van darm of ander maag-darmorgaan</translation>
    </message>
    <message>
        <source>MDI gastrointestinal: Liver fibrosis or cirrhosis</source>
        <translation>MDI gastro-intestinaal: Leverfibrose of cirrose</translation>
    </message>
    <message>
        <source>MDI global damage</source>
        <translation>MDI globale schade</translation>
    </message>
    <message>
        <source>MDI infection damage severity</source>
        <translation>MDI ernst van de schade: infectie</translation>
    </message>
    <message>
        <source>MDI infection: Chronic infection</source>
        <translation>MDI infectie: Chronische infectie</translation>
    </message>
    <message>
        <source>MDI infection: Multiple infections</source>
        <translation>MDI infectie: Meerdere infecties</translation>
    </message>
    <message>
        <source>MDI malignancy damage severity</source>
        <translation>MDI ernst van de schade: maligniteit</translation>
    </message>
    <message>
        <source>MDI malignancy: Malignancy</source>
        <translation>MDI maligniteit: Maligniteit</translation>
    </message>
    <message>
        <source>MDI muscle damage severity</source>
        <translation>MDI ernst van de schade: spier</translation>
    </message>
    <message>
        <source>MDI muscle: Low serum creatinine</source>
        <translation>MDI spier: Laag serumcreatinine</translation>
    </message>
    <message>
        <source>MDI muscle: Muscle atrophy (clinical)</source>
        <translation>MDI spier: Spieratrofie (klinisch)</translation>
    </message>
    <message>
        <source>MDI muscle: Muscle atrophy on imaging</source>
        <translation>MDI spier: Spieratrofie bij beeldvorming</translation>
    </message>
    <message>
        <source>MDI muscle: Muscle dysfunction: less aerobic capacity</source>
        <translation>MDI spier: Spierdysfunctie: verminderde aerobe capaciteit</translation>
    </message>
    <message>
        <source>MDI muscle: Muscle weakness not due to active disease</source>
        <translation>MDI spier: Spierzwakte niet door actieve ziekte</translation>
    </message>
    <message>
        <source>MDI ocular damage severity</source>
        <translation>MDI ernst van de schade: oog</translation>
    </message>
    <message>
        <source>MDI ocular: Cataract</source>
        <translation>MDI oog: Cataract</translation>
    </message>
    <message>
        <source>MDI ocular: Vision loss</source>
        <translation>MDI oog: Visusverlies</translation>
    </message>
    <message>
        <source>MDI other damage severity</source>
        <translation>MDI ernst van de schade: overig</translation>
    </message>
    <message>
        <source>MDI other: Other damage (say which in the note)</source>
        <translation>MDI overig: Andere schade (vermeld welke in de notitie)</translation>
    </message>
    <message>
        <source>MDI peripheral vascular damage severity</source>
        <translation>MDI ernst van de schade: perifeer vasculair</translation>
    </message>
    <message>
        <source>MDI peripheral vascular: Arterial thrombosis or claudication</source>
        <translation>MDI perifeer vasculair: Arteriële trombose of claudicatio</translation>
    </message>
    <message>
        <source>MDI peripheral vascular: Digit loss</source>
        <translation>MDI perifeer vasculair: Verlies van vinger of teen</translation>
    </message>
    <message>
        <source>MDI peripheral vascular: Limb loss</source>
        <translation>MDI perifeer vasculair: Verlies van ledemaat</translation>
    </message>
    <message>
        <source>MDI peripheral vascular: Tissue or pulp loss</source>
        <translation>MDI perifeer vasculair: Weefsel- of vingertopverlies</translation>
    </message>
    <message>
        <source>MDI peripheral vascular: Venous thrombosis with swelling, ulcer or stasis</source>
        <translation>MDI perifeer vasculair: Veneuze trombose met zwelling, ulcus of stase</translation>
    </message>
    <message>
        <source>MDI physician global damage</source>
        <translation>MDI globaal oordeel arts over schade</translation>
    </message>
    <message>
        <source>MDI pulmonary damage severity</source>
        <translation>MDI ernst van de schade: pulmonaal</translation>
    </message>
    <message>
        <source>MDI pulmonary: Dysphonia</source>
        <translation>MDI pulmonaal: Dysfonie</translation>
    </message>
    <message>
        <source>MDI pulmonary: Impaired lung function</source>
        <translation>MDI pulmonaal: Verminderde longfunctie</translation>
    </message>
    <message>
        <source>MDI pulmonary: Pulmonary fibrosis</source>
        <translation>MDI pulmonaal: Longfibrose</translation>
    </message>
    <message>
        <source>MDI pulmonary: Pulmonary hypertension</source>
        <translation>MDI pulmonaal: Pulmonale hypertensie</translation>
    </message>
    <message>
        <source>MDI severity</source>
        <translation>MDI-ernst</translation>
    </message>
    <message>
        <source>MDI severity of damage</source>
        <translation>MDI ernst van de schade</translation>
    </message>
    <message>
        <source>MDI skeletal damage severity</source>
        <translation>MDI ernst van de schade: skelet</translation>
    </message>
    <message>
        <source>MDI skeletal: Avascular necrosis</source>
        <translation>MDI skelet: Avasculaire necrose</translation>
    </message>
    <message>
        <source>MDI skeletal: Deforming arthropathy</source>
        <translation>MDI skelet: Deformerende artropathie</translation>
    </message>
    <message>
        <source>MDI skeletal: Joint contractures</source>
        <translation>MDI skelet: Gewrichtscontracturen</translation>
    </message>
    <message>
        <source>MDI skeletal: Limitation of joint motion (passive)</source>
        <translation>MDI skelet: Beperkte gewrichtsbeweeglijkheid (passief)</translation>
    </message>
    <message>
        <source>MDI skeletal: Osteoporosis with fracture or vertebral collapse</source>
        <translation>MDI skelet: Osteoporose met fractuur of wervelinzakking</translation>
    </message>
    <message>
        <source>MDI skeletal: Osteoporosis without fracture, treated</source>
        <translation>MDI skelet: Osteoporose zonder fractuur, behandeld</translation>
    </message>
    <message>
        <source>MMT8</source>
        <translation>MMT8</translation>
    </message>
    <message>
        <source>MMT8 Ankle dorsiflexors</source>
        <translation>MMT8 Dorsaalflexoren enkel</translation>
    </message>
    <message>
        <source>MMT8 Biceps brachii</source>
        <translation>MMT8 M. biceps brachii</translation>
    </message>
    <message>
        <source>MMT8 Gluteus maximus</source>
        <translation>MMT8 M. gluteus maximus</translation>
    </message>
    <message>
        <source>MMT8 Gluteus medius</source>
        <translation>MMT8 M. gluteus medius</translation>
    </message>
    <message>
        <source>MMT8 Middle deltoid</source>
        <translation>MMT8 M. deltoideus (middendeel)</translation>
    </message>
    <message>
        <source>MMT8 Neck flexors</source>
        <translation>MMT8 Nekflexoren</translation>
    </message>
    <message>
        <source>MMT8 Quadriceps</source>
        <translation>MMT8 M. quadriceps</translation>
    </message>
    <message>
        <source>MMT8 Wrist extensors</source>
        <translation>MMT8 Polsextensoren</translation>
    </message>
    <message>
        <source>MMT8, one side, 0-80</source>
        <translation>MMT8, één zijde, 0-80</translation>
    </message>
    <message>
        <source>Magnesium</source>
        <translation>Magnesium</translation>
    </message>
    <message>
        <source>Major improvement (TIS ≥ 70)</source>
        <translation>Grote verbetering (TIS ≥ 70)</translation>
    </message>
    <message>
        <source>Malar or facial erythema</source>
        <translation>Malar of faciaal erytheem</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Man</translation>
    </message>
    <message>
        <source>Malignancy</source>
        <translation>Maligniteit</translation>
    </message>
    <message>
        <source>Mean of the answered domains; at least 6 of 8</source>
        <translation>Gemiddelde van de beantwoorde domeinen; minstens 6 van 8</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Medicatie</translation>
    </message>
    <message>
        <source>Medication dose segment</source>
        <translation>Medicatie (dosisperiode)</translation>
    </message>
    <message>
        <source>Metabolic / glucose</source>
        <translation>Metabool / glucose</translation>
    </message>
    <message>
        <source>Methotrexate</source>
        <translation>Methotrexaat</translation>
    </message>
    <message>
        <source>Methylprednisolone</source>
        <translation>Methylprednisolon</translation>
    </message>
    <message>
        <source>Minimal improvement (TIS ≥ 30)</source>
        <translation>Minimale verbetering (TIS ≥ 30)</translation>
    </message>
    <message>
        <source>Missing-value reasons</source>
        <translation>Redenen voor ontbrekende waarden</translation>
    </message>
    <message>
        <source>Moderate improvement (TIS ≥ 45)</source>
        <translation>Matige verbetering (TIS ≥ 45)</translation>
    </message>
    <message>
        <source>Multiple infections</source>
        <translation>Meerdere infecties</translation>
    </message>
    <message>
        <source>Multiple of upper limit of normal</source>
        <translation>Veelvoud van de bovengrens van normaal</translation>
    </message>
    <message>
        <source>Muscle</source>
        <translation>Spier</translation>
    </message>
    <message>
        <source>Muscle atrophy (clinical)</source>
        <translation>Spieratrofie (klinisch)</translation>
    </message>
    <message>
        <source>Muscle atrophy on imaging</source>
        <translation>Spieratrofie bij beeldvorming</translation>
    </message>
    <message>
        <source>Muscle dysfunction: less aerobic capacity</source>
        <translation>Spierdysfunctie: verminderde aerobe capaciteit</translation>
    </message>
    <message>
        <source>Muscle enzymes</source>
        <translation>Spierenzymen</translation>
    </message>
    <message>
        <source>Muscle strength</source>
        <translation>Spierkracht</translation>
    </message>
    <message>
        <source>Muscle weakness not due to active disease</source>
        <translation>Spierzwakte niet door actieve ziekte</translation>
    </message>
    <message>
        <source>Mycophenolate mofetil</source>
        <translation>Mycofenolaatmofetil</translation>
    </message>
    <message>
        <source>Myocardial infarction</source>
        <translation>Myocardinfarct</translation>
    </message>
    <message>
        <source>Myositis Damage Index items present; blank items are not assessed; empty when no item was assessed</source>
        <translation>Aanwezige items van de Myositis Damage Index (schade); lege items zijn niet beoordeeld; leeg als geen enkel item is beoordeeld</translation>
    </message>
    <message>
        <source>Nailfold capillary changes</source>
        <translation>Nagelriemcapillaire afwijkingen</translation>
    </message>
    <message>
        <source>Neurological (tremor, headache)</source>
        <translation>Neurologisch (tremor, hoofdpijn)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nee</translation>
    </message>
    <message>
        <source>No improvement (TIS &lt; 30)</source>
        <translation>Geen verbetering (TIS &lt; 30)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Niet van toepassing</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Niet gedaan</translation>
    </message>
    <message>
        <source>Not evaluable (too few criteria available)</source>
        <translation>Niet te beoordelen (te weinig criteria beschikbaar)</translation>
    </message>
    <message>
        <source>Not resolved</source>
        <translation>Niet hersteld</translation>
    </message>
    <message>
        <source>Ocular</source>
        <translation>Oog</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Oud</translation>
    </message>
    <message>
        <source>Once daily</source>
        <translation>1× per dag</translation>
    </message>
    <message>
        <source>One of the analyte&apos;s accepted units</source>
        <translation>Een van de toegestane eenheden van de bepaling</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>Begin</translation>
    </message>
    <message>
        <source>Onset date</source>
        <translation>Begindatum</translation>
    </message>
    <message>
        <source>Oral</source>
        <translation>Oraal</translation>
    </message>
    <message>
        <source>Osteoporosis with fracture or vertebral collapse</source>
        <translation>Osteoporose met fractuur of wervelinzakking</translation>
    </message>
    <message>
        <source>Osteoporosis without fracture, treated</source>
        <translation>Osteoporose zonder fractuur, behandeld</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Anders</translation>
    </message>
    <message>
        <source>Other damage (say which in the note)</source>
        <translation>Andere schade (vermeld welke in de notitie)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Afloop</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Achterstallig</translation>
    </message>
    <message>
        <source>PRINTO</source>
        <translation>PRINTO</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Ouder</translation>
    </message>
    <message>
        <source>Parent/patient global activity</source>
        <translation>Globale activiteit ouder/patiënt</translation>
    </message>
    <message>
        <source>Patie&amp;nt</source>
        <translation>Patiën&amp;t</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>Patient (study code or hospital number)</source>
        <translation>Patiënt (studiecode of ziekenhuisnummer)</translation>
    </message>
    <message>
        <source>Patient has no systemic tacrolimus start (no day 0)</source>
        <translation>Patiënt heeft geen start van systemisch tacrolimus (geen dag 0)</translation>
    </message>
    <message>
        <source>Peripheral vascular</source>
        <translation>Perifeer vasculair</translation>
    </message>
    <message>
        <source>PhGA</source>
        <translation>PhGA</translation>
    </message>
    <message>
        <source>Physician global activity</source>
        <translation>Globale activiteit arts</translation>
    </message>
    <message>
        <source>Poikiloderma</source>
        <translation>Poikilodermie</translation>
    </message>
    <message>
        <source>Possible</source>
        <translation>Mogelijk</translation>
    </message>
    <message>
        <source>Potassium</source>
        <translation>Kalium</translation>
    </message>
    <message>
        <source>Prednisolone</source>
        <translation>Prednisolon</translation>
    </message>
    <message>
        <source>Prednisolone equivalent</source>
        <translation>Prednisolonequivalent</translation>
    </message>
    <message>
        <source>Prednisolone equivalent per kg</source>
        <translation>Prednisolonequivalent per kg</translation>
    </message>
    <message>
        <source>Prednisone</source>
        <translation>Prednison</translation>
    </message>
    <message>
        <source>Probable</source>
        <translation>Waarschijnlijk</translation>
    </message>
    <message>
        <source>Pseudonymised unless &apos;Identified&apos; is ticked.</source>
        <translation>Gepseudonimiseerd, tenzij &apos;Identificeerbaar&apos; is aangevinkt.</translation>
    </message>
    <message>
        <source>PtGA</source>
        <translation>PtGA</translation>
    </message>
    <message>
        <source>Pulmonary</source>
        <translation>Pulmonaal</translation>
    </message>
    <message>
        <source>Pulmonary fibrosis</source>
        <translation>Longfibrose</translation>
    </message>
    <message>
        <source>Pulmonary hypertension</source>
        <translation>Pulmonale hypertensie</translation>
    </message>
    <message>
        <source>REDCap project files (ZIP)</source>
        <translation>REDCap-projectbestanden (ZIP)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Reason for change</source>
        <translation>Reden van wijziging</translation>
    </message>
    <message>
        <source>Ref high</source>
        <translation>Ref. hoog</translation>
    </message>
    <message>
        <source>Ref low</source>
        <translation>Ref. laag</translation>
    </message>
    <message>
        <source>Reference high</source>
        <translation>Referentie hoog</translation>
    </message>
    <message>
        <source>Reference low</source>
        <translation>Referentie laag</translation>
    </message>
    <message>
        <source>Reference range (e.g. &apos;0 - 145&apos;)</source>
        <translation>Referentiebereik (bijv. &apos;0 - 145&apos;)</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Geweigerd</translation>
    </message>
    <message>
        <source>Related</source>
        <translation>Gerelateerd</translation>
    </message>
    <message>
        <source>Related to tacrolimus</source>
        <translation>Gerelateerd aan tacrolimus</translation>
    </message>
    <message>
        <source>Relative change: 100 × (baseline − follow-up) / baseline</source>
        <translation>Relatieve verandering: 100 × (uitgangswaarde − follow-up) / uitgangswaarde</translation>
    </message>
    <message>
        <source>Renal</source>
        <translation>Nier</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Hersteld</translation>
    </message>
    <message>
        <source>Resolved with sequelae</source>
        <translation>Hersteld met restverschijnselen</translation>
    </message>
    <message>
        <source>Resolving</source>
        <translation>Herstellende</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Beoordelaar</translation>
    </message>
    <message>
        <source>Rituximab</source>
        <translation>Rituximab</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Toedieningsweg</translation>
    </message>
    <message>
        <source>SPSS data files (ZIP of .sav)</source>
        <translation>SPSS-databestanden (ZIP met .sav)</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Monster</translation>
    </message>
    <message>
        <source>Sample date</source>
        <translation>Afnamedatum</translation>
    </message>
    <message>
        <source>Sample date (or date and time)</source>
        <translation>Afnamedatum (of datum en tijd)</translation>
    </message>
    <message>
        <source>Sample time</source>
        <translation>Afnametijd</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>Ernstig</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geslacht</translation>
    </message>
    <message>
        <source>Short description, e.g. &apos;tremor&apos;</source>
        <translation>Korte omschrijving, bijv. &apos;tremor&apos;</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Ondertekend</translation>
    </message>
    <message>
        <source>Single dose / pulse</source>
        <translation>Eenmalig / pulse</translation>
    </message>
    <message>
        <source>Skeletal</source>
        <translation>Skelet</translation>
    </message>
    <message>
        <source>Skin</source>
        <translation>Huid</translation>
    </message>
    <message>
        <source>Skin ulceration</source>
        <translation>Huidulceratie</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <source>Stata data files (ZIP of .dta)</source>
        <translation>Stata-databestanden (ZIP met .dta)</translation>
    </message>
    <message>
        <source>Statistics bundle (ZIP of CSV files)</source>
        <translation>Statistiekbundel (ZIP met CSV-bestanden)</translation>
    </message>
    <message>
        <source>Steroid mg/kg/day</source>
        <translation>Steroïd mg/kg/dag</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Study code</source>
        <translation>Studiecode</translation>
    </message>
    <message>
        <source>Subcutaneous</source>
        <translation>Subcutaan</translation>
    </message>
    <message>
        <source>Sum of the 11 organ-system damage VAS; only when all 11 are present</source>
        <translation>Som van de 11 VAS-scores voor schade per orgaansysteem; alleen als alle 11 aanwezig zijn</translation>
    </message>
    <message>
        <source>Sum of the 14 items; only when all are present</source>
        <translation>Som van de 14 items; alleen als alle items ingevuld zijn</translation>
    </message>
    <message>
        <source>Sum of the 8 groups; only when all are present</source>
        <translation>Som van de 8 groepen; alleen als alle groepen ingevuld zijn</translation>
    </message>
    <message>
        <source>Systolic blood pressure</source>
        <translation>Systolische bloeddruk</translation>
    </message>
    <message>
        <source>TIS</source>
        <translation>TIS</translation>
    </message>
    <message>
        <source>Tacrolimus</source>
        <translation>Tacrolimus</translation>
    </message>
    <message>
        <source>Tacrolimus trough</source>
        <translation>Tacrolimus dalspiegel</translation>
    </message>
    <message>
        <source>Taper</source>
        <translation>Afbouw</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <source>Test name or LOINC code</source>
        <translation>Testnaam of LOINC-code</translation>
    </message>
    <message>
        <source>The hospital&apos;s patient number, to match lab files; never exported pseudonymised</source>
        <translation>Het patiëntnummer van het ziekenhuis, om labbestanden te koppelen; wordt nooit gepseudonimiseerd geëxporteerd</translation>
    </message>
    <message>
        <source>Three times daily</source>
        <translation>3× per dag</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Tijd (UTC)</translation>
    </message>
    <message>
        <source>Tissue or pulp loss</source>
        <translation>Weefsel- of vingertopverlies</translation>
    </message>
    <message>
        <source>Topical</source>
        <translation>Lokaal (huid)</translation>
    </message>
    <message>
        <source>Topical corticosteroid</source>
        <translation>Lokaal corticosteroïd</translation>
    </message>
    <message>
        <source>Topical tacrolimus</source>
        <translation>Lokaal tacrolimus</translation>
    </message>
    <message>
        <source>Twice daily</source>
        <translation>2× per dag</translation>
    </message>
    <message>
        <source>U/L</source>
        <translation>U/L</translation>
    </message>
    <message>
        <source>UTC date, by</source>
        <translation>UTC-datum, door</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Eenheid</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <source>Unlikely</source>
        <translation>Onwaarschijnlijk</translation>
    </message>
    <message>
        <source>Unrelated</source>
        <translation>Niet gerelateerd</translation>
    </message>
    <message>
        <source>Upper limit of normal, in the result&apos;s unit</source>
        <translation>Bovengrens van normaal, in de eenheid van de uitslag</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Value in canonical unit</source>
        <translation>Waarde in standaardeenheid</translation>
    </message>
    <message>
        <source>Venous thrombosis with swelling, ulcer or stasis</source>
        <translation>Veneuze trombose met zwelling, ulcus of stase</translation>
    </message>
    <message>
        <source>Ventricular dysfunction or cardiomyopathy</source>
        <translation>Ventrikeldysfunctie of cardiomyopathie</translation>
    </message>
    <message>
        <source>Vision loss</source>
        <translation>Visusverlies</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>Bezoekdatum</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Wekelijks</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Gestaakt</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>above</source>
        <translation>boven</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actief</translation>
    </message>
    <message>
        <source>application</source>
        <translation>applicatie</translation>
    </message>
    <message>
        <source>below</source>
        <translation>onder</translation>
    </message>
    <message>
        <source>cm</source>
        <translation>cm</translation>
    </message>
    <message>
        <source>falling</source>
        <translation>dalend</translation>
    </message>
    <message>
        <source>g</source>
        <translation>g</translation>
    </message>
    <message>
        <source>g/kg</source>
        <translation>g/kg</translation>
    </message>
    <message>
        <source>grade</source>
        <translation>graad</translation>
    </message>
    <message>
        <source>in range</source>
        <translation>binnen bereik</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactief</translation>
    </message>
    <message>
        <source>insufficient data</source>
        <translation>onvoldoende gegevens</translation>
    </message>
    <message>
        <source>items</source>
        <translation>items</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>kg</translation>
    </message>
    <message>
        <source>major</source>
        <translation>groot</translation>
    </message>
    <message>
        <source>met</source>
        <translation>voldaan</translation>
    </message>
    <message>
        <source>mg</source>
        <translation>mg</translation>
    </message>
    <message>
        <source>mg/day</source>
        <translation>mg/dag</translation>
    </message>
    <message>
        <source>mg/kg</source>
        <translation>mg/kg</translation>
    </message>
    <message>
        <source>mg/kg/day</source>
        <translation>mg/kg/dag</translation>
    </message>
    <message>
        <source>mg/m²</source>
        <translation>mg/m²</translation>
    </message>
    <message>
        <source>minimal</source>
        <translation>minimaal</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>ontbreekt</translation>
    </message>
    <message>
        <source>mmHg</source>
        <translation>mmHg</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>matig</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>not evaluable</source>
        <translation>niet te beoordelen</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>niet voldaan</translation>
    </message>
    <message>
        <source>points</source>
        <translation>punten</translation>
    </message>
    <message>
        <source>rising</source>
        <translation>stijgend</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>score</source>
        <translation>score</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>stabiel</translation>
    </message>
    <message>
        <source>study day</source>
        <translation>studiedag</translation>
    </message>
    <message>
        <source>Study name</source>
        <translation>Studienaam</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Uitgangsmeting</translation>
    </message>
    <message>
        <source>TIS enzyme method</source>
        <translation>TIS-enzymmethode</translation>
    </message>
    <message>
        <source>MMT version</source>
        <translation>MMT-versie</translation>
    </message>
    <message>
        <source>Tacrolimus target low (ng/mL)</source>
        <translation>Tacrolimus streefwaarde laag (ng/mL)</translation>
    </message>
    <message>
        <source>Tacrolimus target high (ng/mL)</source>
        <translation>Tacrolimus streefwaarde hoog (ng/mL)</translation>
    </message>
    <message>
        <source>Visit interval (days, for overdue)</source>
        <translation>Bezoekinterval (dagen, voor achterstallig)</translation>
    </message>
    <message>
        <source>Lock the window after idle (minutes)</source>
        <translation>Venster vergrendelen na inactiviteit (minuten)</translation>
    </message>
    <message>
        <source>not computable</source>
        <translation>niet te berekenen</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <source>prednisolone (right axis)</source>
        <translation>prednisolon (rechteras)</translation>
    </message>
    <message>
        <source>prednisolone (right axis; before {date} per kg of the nearest weight, {weight} kg)</source>
        <translation>prednisolon (rechteras; vóór {date} per kg van het dichtstbijzijnde gewicht, {weight} kg)</translation>
    </message>
    <message>
        <source>tacrolimus start</source>
        <translation>start tacrolimus</translation>
    </message>
    <message>
        <source>tac ng/mL</source>
        <translation>tac ng/mL</translation>
    </message>
</context>
<context>
    <name>Closing</name>
    <message>
        <source>Backing up {study} before it closes (a large study takes a minute)…</source>
        <translation>Back-up van {study} maken voordat de studie sluit (bij een grote studie duurt dat een minuut)…</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>yyyy-mm-dd or dd-mm-yyyy</source>
        <translation>dd-mm-jjjj of jjjj-mm-dd</translation>
    </message>
    <message>
        <source>Calendar (F4)</source>
        <translation>Kalender (F4)</translation>
    </message>
</context>
<context>
    <name>EnzymeChartPanel</name>
    <message>
        <source>Muscle enzymes</source>
        <translation>Spierenzymen</translation>
    </message>
    <message>
        <source>Absolute (log)</source>
        <translation>Absoluut (log)</translation>
    </message>
    <message>
        <source>Enzyme activity in U/L on a logarithmic axis</source>
        <translation>Enzymactiviteit in U/L op een logaritmische as</translation>
    </message>
    <message>
        <source>× ULN</source>
        <translation>× ULN</translation>
    </message>
    <message>
        <source>Each value divided by its own upper limit of normal</source>
        <translation>Elke waarde gedeeld door de eigen bovengrens van normaal</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Save the chart as an image</source>
        <translation>De grafiek als afbeelding opslaan</translation>
    </message>
    <message>
        <source>PNG image…</source>
        <translation>PNG-afbeelding…</translation>
    </message>
    <message>
        <source>SVG drawing…</source>
        <translation>SVG-tekening…</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>Schaal:</translation>
    </message>
    <message>
        <source>Muscle enzymes by day since tacrolimus start, with prednisolone dose and tacrolimus troughs</source>
        <translation>Spierenzymen per dag sinds de start van tacrolimus, met prednisolondosis en tacrolimus-dalspiegels</translation>
    </message>
    <message>
        <source>prednisolone eq. mg/kg/day</source>
        <translation>prednisolon-eq. mg/kg/dag</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-afbeelding (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG-tekening (*.svg)</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Grafiek exporteren</translation>
    </message>
    <message>
        <source>date</source>
        <translation>datum</translation>
    </message>
    <message>
        <source>days since tacrolimus start (day 0)</source>
        <translation>dagen sinds start tacrolimus (dag 0)</translation>
    </message>
    <message>
        <source>× upper limit of normal</source>
        <translation>× bovengrens van normaal</translation>
    </message>
    <message>
        <source>U/L (log scale)</source>
        <translation>U/L (logaritmische schaal)</translation>
    </message>
    <message>
        <source>Select a patient to see the enzyme chart.</source>
        <translation>Kies een patiënt om de enzymgrafiek te zien.</translation>
    </message>
    <message>
        <source>{n} results without an upper limit of normal left out of the × ULN view.</source>
        <translation>{n} uitslagen zonder bovengrens van normaal weggelaten uit de × ULN-weergave.</translation>
    </message>
    <message>
        <source>1 result without an upper limit of normal left out of the × ULN view.</source>
        <translation>1 uitslag zonder bovengrens van normaal weggelaten uit de × ULN-weergave.</translation>
    </message>
    <message>
        <source>ULN (dashed)</source>
        <translation>ULN (gestreept)</translation>
    </message>
    <message>
        <source>filled = above ULN</source>
        <translation>gevuld = boven ULN</translation>
    </message>
    <message>
        <source>tac dose change</source>
        <translation>tac-dosiswijziging</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export study</source>
        <translation>Studie exporteren</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>Identified: keep calendar dates, birth dates and initials</source>
        <translation>Identificeerbaar: kalenderdata, geboortedata en initialen behouden</translation>
    </message>
    <message>
        <source>Include free text (notes, reasons for change, adverse-event terms)</source>
        <translation>Vrije tekst meenemen (notities, redenen van wijziging, termen van bijwerkingen)</translation>
    </message>
    <message>
        <source>Typed text can name people and dates: an export with it is not pseudonymised</source>
        <translation>Getypte tekst kan namen van personen en datums bevatten: een export daarmee is niet gepseudonimiseerd</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formaat</translation>
    </message>
    <message>
        <source>Output file</source>
        <translation>Uitvoerbestand</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporteren naar</translation>
    </message>
    <message>
        <source>Choose an output file.</source>
        <translation>Kies een uitvoerbestand.</translation>
    </message>
    <message>
        <source>Identified export</source>
        <translation>Identificeerbare export</translation>
    </message>
    <message>
        <source>The export will contain calendar dates, birth dates and initials: it is personal data. Export identified data?</source>
        <translation>De export bevat kalenderdata, geboortedata en initialen: dat zijn persoonsgegevens. Identificeerbare gegevens exporteren?</translation>
    </message>
    <message>
        <source>Replace file</source>
        <translation>Bestand vervangen</translation>
    </message>
    <message>
        <source>{file} already exists. Replace it?</source>
        <translation>{file} bestaat al. Vervangen?</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Bezig met exporteren…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Bezig met annuleren…</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>Export geannuleerd: er is niets geschreven.</translation>
    </message>
</context>
<context>
    <name>ExportWorker</name>
    <message>
        <source>Export failed: {problem}</source>
        <translation>Export mislukt: {problem}</translation>
    </message>
    <message>
        <source>wrote {path} ({format})</source>
        <translation>{path} geschreven ({format})</translation>
    </message>
    <message>
        <source>wrote {path} ({format}): {tables}</source>
        <translation>{path} geschreven ({format}): {tables}</translation>
    </message>
</context>
<context>
    <name>FieldInput</name>
    <message>
        <source>type ND, NA, UNK, REF or LOST to record why a value is missing</source>
        <translation>typ ND, NA, UNK, REF of LOST om vast te leggen waarom een waarde ontbreekt</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Select a record to see its history.</source>
        <translation>Kies een gegeven om de geschiedenis ervan te zien.</translation>
    </message>
    <message>
        <source>History of {record}</source>
        <translation>Geschiedenis van {record}</translation>
    </message>
</context>
<context>
    <name>LabForm</name>
    <message>
        <source>Panel mode</source>
        <translation>Panelmodus</translation>
    </message>
    <message>
        <source>Enter several analytes of one sample at once (Ctrl+P)</source>
        <translation>Meerdere bepalingen van één monster tegelijk invoeren (Ctrl+P)</translation>
    </message>
</context>
<context>
    <name>LabImportDialog</name>
    <message>
        <source>Import lab results: {name}</source>
        <translation>Laboratoriumuitslagen importeren: {name}</translation>
    </message>
    <message>
        <source>Test name in the file</source>
        <translation>Testnaam in het bestand</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Regels</translation>
    </message>
    <message>
        <source>Analyte</source>
        <translation>Bepaling</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Controleren</translation>
    </message>
    <message>
        <source>&amp;Load mapping…</source>
        <translation>Koppeling &amp;laden…</translation>
    </message>
    <message>
        <source>E&amp;xport mapping…</source>
        <translation>Koppeling e&amp;xporteren…</translation>
    </message>
    <message>
        <source>Import the valid rows only (a report is written beside the file)</source>
        <translation>Alleen de geldige regels importeren (er wordt een verslag naast het bestand geschreven)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importeren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Monster</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>In het bestand</translation>
    </message>
    <message>
        <source>Stored (kept)</source>
        <translation>Opgeslagen (behouden)</translation>
    </message>
    <message>
        <source>The header uses JDM Desk&apos;s field names: no mapping needed.</source>
        <translation>De kopregel gebruikt de veldnamen van JDM Desk: geen koppeling nodig.</translation>
    </message>
    <message>
        <source>This layout was imported before: its saved mapping is offered.</source>
        <translation>Deze indeling is al eerder geïmporteerd: de opgeslagen koppeling wordt aangeboden.</translation>
    </message>
    <message>
        <source>A new layout: check which column holds what, then Check.</source>
        <translation>Een nieuwe indeling: controleer welke kolom wat bevat en kies dan Controleren.</translation>
    </message>
    <message>
        <source>File type: {kind}.</source>
        <translation>Bestandstype: {kind}.</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Kolommen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(kiezen)</translation>
    </message>
    <message>
        <source>Study code or hospital number</source>
        <translation>Studiecode of ziekenhuisnummer</translation>
    </message>
    <message>
        <source>Study code</source>
        <translation>Studiecode</translation>
    </message>
    <message>
        <source>Hospital number</source>
        <translation>Ziekenhuisnummer</translation>
    </message>
    <message>
        <source>Patients are matched by</source>
        <translation>Patiënten koppelen op</translation>
    </message>
    <message>
        <source>{rows} rows: {new} new, {dup} duplicate (skipped), {conflict} conflict (not imported), {invalid} invalid, {unknown} unknown patient</source>
        <translation>{rows} regels: {new} nieuw, {dup} dubbel (overgeslagen), {conflict} conflict (niet geïmporteerd), {invalid} ongeldig, {unknown} onbekende patiënt</translation>
    </message>
    <message>
        <source>unusual (imported): {p}</source>
        <translation>ongebruikelijk (geïmporteerd): {p}</translation>
    </message>
    <message>
        <source>line {n} of the file</source>
        <translation>regel {n} van het bestand</translation>
    </message>
    <message>
        <source>(not an analyte of the study)</source>
        <translation>(geen bepaling van de studie)</translation>
    </message>
    <message>
        <source>Report: {path}</source>
        <translation>Verslag: {path}</translation>
    </message>
    <message>
        <source>Load a mapping</source>
        <translation>Een koppeling laden</translation>
    </message>
    <message>
        <source>The mapping {file} cannot be read: {problem}</source>
        <translation>De koppeling {file} kan niet worden gelezen: {problem}</translation>
    </message>
    <message>
        <source>The mapping {file} cannot be used: {problem}</source>
        <translation>De koppeling {file} is niet te gebruiken: {problem}</translation>
    </message>
    <message>
        <source>Mapping loaded from {file}: check it, then Check.</source>
        <translation>Koppeling geladen uit {file}: controleer de kolommen en kies dan Controleren.</translation>
    </message>
    <message>
        <source>Export the mapping</source>
        <translation>De koppeling exporteren</translation>
    </message>
    <message>
        <source>Mapping (*.json)</source>
        <translation>Koppeling (*.json)</translation>
    </message>
    <message>
        <source>The mapping could not be written: {err}</source>
        <translation>De koppeling kon niet worden geschreven: {err}</translation>
    </message>
    <message>
        <source>Mapping written to {path}</source>
        <translation>Koppeling geschreven naar {path}</translation>
    </message>
</context>
<context>
    <name>LabPanel</name>
    <message>
        <source>Analyte</source>
        <translation>Bepaling</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Eenheid</translation>
    </message>
    <message>
        <source>Ref low</source>
        <translation>Ref. laag</translation>
    </message>
    <message>
        <source>Ref high</source>
        <translation>Ref. hoog</translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <source>The language was not changed: the unsaved changes are still in the form.</source>
        <translation>De taal is niet gewijzigd: de niet-opgeslagen wijzigingen staan nog in het formulier.</translation>
    </message>
</context>
<context>
    <name>LockBreak</name>
    <message>
        <source>Break the lock</source>
        <translation>Studievergrendeling opheffen</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>JDM Desk is locked</source>
        <translation>JDM Desk is vergrendeld</translation>
    </message>
    <message>
        <source>Locked for {user}.</source>
        <translation>Vergrendeld voor {user}.</translation>
    </message>
    <message>
        <source>Enter your password to go on; unsaved work is kept.</source>
        <translation>Voer uw wachtwoord in om verder te gaan; niet-opgeslagen werk blijft bewaard.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <source>Close the study</source>
        <translation>De studie sluiten</translation>
    </message>
    <message>
        <source>Another user: close this study (unsaved changes are asked about after the password), then open it with your own account</source>
        <translation>Andere gebruiker: sluit deze studie (na het wachtwoord wordt gevraagd wat er met niet-opgeslagen wijzigingen moet gebeuren) en open haar met uw eigen account</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Create the first user</source>
        <translation>De eerste gebruiker aanmaken</translation>
    </message>
    <message>
        <source>Log in — {study}</source>
        <translation>Inloggen — {study}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{study}&lt;/b&gt; has no users yet. Create its first account: a data manager, who can then add the other users.</source>
        <translation>&lt;b&gt;{study}&lt;/b&gt; heeft nog geen gebruikers. Maak het eerste account aan: een datamanager, die daarna de andere gebruikers kan toevoegen.</translation>
    </message>
    <message>
        <source>Log in to &lt;b&gt;{study}&lt;/b&gt;.</source>
        <translation>Inloggen op &lt;b&gt;{study}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Full name (shown on signatures)</source>
        <translation>Volledige naam (staat bij ondertekeningen)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Wachtwoord nogmaals</translation>
    </message>
    <message>
        <source>Create and open</source>
        <translation>Aanmaken en openen</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Inloggen</translation>
    </message>
    <message>
        <source>Enter the user name and the password.</source>
        <translation>Voer de gebruikersnaam en het wachtwoord in.</translation>
    </message>
    <message>
        <source>Enter your full name: it is shown on your signatures.</source>
        <translation>Voer uw volledige naam in: die staat bij uw ondertekeningen.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>De twee wachtwoorden verschillen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Read-only: this study can be reviewed but not changed.</source>
        <translation>Alleen-lezen: deze studie kan worden ingezien maar niet gewijzigd.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Export study file…</source>
        <translation>Studiebestand &amp;exporteren…</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>Nu een &amp;back-up maken…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup into a new file…</source>
        <translation>Back-up &amp;terugzetten in een nieuw bestand…</translation>
    </message>
    <message>
        <source>Write an &amp;encrypted copy…</source>
        <translation>Versleutelde &amp;kopie schrijven…</translation>
    </message>
    <message>
        <source>&amp;Import lab results…</source>
        <translation>Laboratoriumuitslagen &amp;importeren…</translation>
    </message>
    <message>
        <source>&amp;Undo a lab import…</source>
        <translation>Laboratoriumimport &amp;ongedaan maken…</translation>
    </message>
    <message>
        <source>Brea&amp;k the lock…</source>
        <translation>Studievergrendeling op&amp;heffen…</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>Van gebruiker &amp;wisselen…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>Nu &amp;vergrendelen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Sluiten</translation>
    </message>
    <message>
        <source>&amp;Patient</source>
        <translation>&amp;Patiënt</translation>
    </message>
    <message>
        <source>&amp;New patient</source>
        <translation>&amp;Nieuwe patiënt</translation>
    </message>
    <message>
        <source>&amp;Find patient</source>
        <translation>Patiënt &amp;zoeken</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ga naar</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtra</translation>
    </message>
    <message>
        <source>Study &amp;settings…</source>
        <translation>Studie-&amp;instellingen…</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Gebruikers…</translation>
    </message>
    <message>
        <source>Study &amp;overview…</source>
        <translation>Studie&amp;overzicht…</translation>
    </message>
    <message>
        <source>&amp;Case series report…</source>
        <translation>Rapport &amp;casusreeks…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <source>&amp;About JDM Desk</source>
        <translation>&amp;Over JDM Desk</translation>
    </message>
    <message>
        <source>Study settings saved.</source>
        <translation>Studie-instellingen opgeslagen.</translation>
    </message>
    <message>
        <source>No lab import to undo.</source>
        <translation>Geen laboratoriumimport om ongedaan te maken.</translation>
    </message>
    <message>
        <source>{at} · {file} · {n} results · {user}</source>
        <translation>{at} · {file} · {n} uitslagen · {user}</translation>
    </message>
    <message>
        <source>Undo a lab import</source>
        <translation>Een laboratoriumimport ongedaan maken</translation>
    </message>
    <message>
        <source>Import to undo (its results are deleted):</source>
        <translation>Ongedaan te maken import (de uitslagen ervan worden verwijderd):</translation>
    </message>
    <message>
        <source>Reason for undoing this import:</source>
        <translation>Reden om deze import ongedaan te maken:</translation>
    </message>
    <message>
        <source>Back up the study</source>
        <translation>Back-up van de studie maken</translation>
    </message>
    <message>
        <source>JDM Desk study (*.jdm)</source>
        <translation>JDM Desk-studie (*.jdm)</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Back-up</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Kies een back-up</translation>
    </message>
    <message>
        <source>Restore into a new study file</source>
        <translation>Terugzetten in een nieuw studiebestand</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Terugzetten</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>Operating system&apos;s language</source>
        <translation>Taal van het besturingssysteem</translation>
    </message>
    <message>
        <source>Write an encrypted copy</source>
        <translation>Versleutelde kopie schrijven</translation>
    </message>
    <message>
        <source>Encrypted copy</source>
        <translation>Versleutelde kopie</translation>
    </message>
    <message>
        <source>Your password again: the new study&apos;s key is wrapped for your account.</source>
        <translation>Nogmaals uw wachtwoord: de sleutel van de nieuwe studie wordt voor uw account versleuteld.</translation>
    </message>
    <message>
        <source> — read-only</source>
        <translation> — alleen-lezen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>Switch user cancelled: still logged in as {name}.</source>
        <translation>Wisselen van gebruiker geannuleerd: nog steeds ingelogd als {name}.</translation>
    </message>
    <message>
        <source>There are unsaved changes: only {name} can close this study.</source>
        <translation>Er zijn niet-opgeslagen wijzigingen: alleen {name} kan deze studie sluiten.</translation>
    </message>
    <message>
        <source>Tab / Enter: next field · Shift+Tab: previous field
Ctrl+S: save · Esc: discard changes · Ctrl+N: new record
Ctrl+D: change dose (medication) · Ctrl+P: lab panel mode (F2: a row&apos;s unit and range)
Ctrl+Shift+G: hide or show the lab chart · F4: calendar in a date field
Ctrl+F: find patient · Ctrl+Shift+N: new patient · Ctrl+1…5: patient, visits, medication,
labs, adverse events · Alt+O: history · Alt+R: review · Del: delete the selected record</source>
        <translation>Tab / Enter: volgend veld · Shift+Tab: vorig veld
Ctrl+S: opslaan · Esc: wijzigingen verwerpen · Ctrl+N: nieuw gegeven
Ctrl+D: dosis wijzigen (medicatie) · Ctrl+P: panelmodus laboratorium (F2: eenheid en bereik van een rij)
Ctrl+Shift+G: laboratoriumgrafiek verbergen of tonen · F4: kalender in een datumveld
Ctrl+F: patiënt zoeken · Ctrl+Shift+N: nieuwe patiënt · Ctrl+1…5: patiënt, bezoeken, medicatie,
laboratorium, bijwerkingen · Alt+I: geschiedenis · Alt+R: beoordeling · Del: het gekozen gegeven verwijderen</translation>
    </message>
</context>
<context>
    <name>MedicationForm</name>
    <message>
        <source>Change dose…</source>
        <translation>Dosis wijzigen…</translation>
    </message>
    <message>
        <source>End this segment and start the next (Ctrl+D)</source>
        <translation>Deze periode beëindigen en de volgende beginnen (Ctrl+D)</translation>
    </message>
    <message>
        <source>Change dose: new segment</source>
        <translation>Dosis wijzigen: nieuwe periode</translation>
    </message>
</context>
<context>
    <name>MonthAxis</name>
    <message>
        <source>{n} mo</source>
        <translation>{n} mnd</translation>
    </message>
</context>
<context>
    <name>OverviewDialog</name>
    <message>
        <source>Study overview</source>
        <translation>Studieoverzicht</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>achterstallig</translation>
    </message>
</context>
<context>
    <name>PageChart</name>
    <message>
        <source>No enzyme results recorded.</source>
        <translation>Geen enzymuitslagen vastgelegd.</translation>
    </message>
    <message>
        <source>ULN (dashed)</source>
        <translation>ULN (gestreept)</translation>
    </message>
    <message>
        <source>filled = above ULN</source>
        <translation>gevuld = boven ULN</translation>
    </message>
    <message>
        <source>tacrolimus dose change</source>
        <translation>dosiswijziging tacrolimus</translation>
    </message>
    <message>
        <source>U/L (log scale)</source>
        <translation>U/L (logaritmische schaal)</translation>
    </message>
    <message>
        <source>prednisolone eq. mg/kg/day</source>
        <translation>prednisolon-eq. mg/kg/dag</translation>
    </message>
    <message>
        <source>tacrolimus trough, target {low}–{high} ng/mL</source>
        <translation>tacrolimus-dalspiegel, streefwaarde {low}–{high} ng/mL</translation>
    </message>
    <message>
        <source>ng/mL</source>
        <translation>ng/mL</translation>
    </message>
    <message>
        <source>date</source>
        <translation>datum</translation>
    </message>
    <message>
        <source>days since tacrolimus start (day 0)</source>
        <translation>dagen sinds start tacrolimus (dag 0)</translation>
    </message>
    <message>
        <source>{n} mo</source>
        <translation>{n} mnd</translation>
    </message>
</context>
<context>
    <name>PatientListPanel</name>
    <message>
        <source>Search study code (Ctrl+F)</source>
        <translation>Studiecode zoeken (Ctrl+F)</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Nieuwe patiënt</translation>
    </message>
    <message>
        <source>New patient (Ctrl+Shift+N)</source>
        <translation>Nieuwe patiënt (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>1 patient</source>
        <translation>1 patiënt</translation>
    </message>
    <message>
        <source>{n} patients</source>
        <translation>{n} patiënten</translation>
    </message>
</context>
<context>
    <name>PatientWorkspace</name>
    <message>
        <source>No patient selected</source>
        <translation>Geen patiënt gekozen</translation>
    </message>
    <message>
        <source>Hist&amp;ory</source>
        <translation>Gesch&amp;iedenis</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>Beoo&amp;rdeling</translation>
    </message>
    <message>
        <source>signature invalid</source>
        <translation>ondertekening ongeldig</translation>
    </message>
    <message>
        <source>✓ {user} (not content-bound)</source>
        <translation>✓ {user} (niet aan de inhoud gebonden)</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Nieuwe patiënt</translation>
    </message>
    <message>
        <source>{age} y</source>
        <translation>{age} j</translation>
    </message>
    <message>
        <source>Save patient summary</source>
        <translation>Patiëntsamenvatting opslaan</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Summary not saved</source>
        <translation>Samenvatting niet opgeslagen</translation>
    </message>
    <message>
        <source>Cannot write {file}: {problem}</source>
        <translation>Kan {file} niet schrijven: {problem}</translation>
    </message>
    <message>
        <source>Summary saved to {file}</source>
        <translation>Samenvatting opgeslagen in {file}</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <source>The {record} has unsaved changes.</source>
        <translation>{record}: er zijn niet-opgeslagen wijzigingen.</translation>
    </message>
    <message>
        <source>Save them before leaving?</source>
        <translation>Opslaan voordat u verdergaat?</translation>
    </message>
    <message>
        <source>Confirm unusual values</source>
        <translation>Ongebruikelijke waarden bevestigen</translation>
    </message>
    <message>
        <source>Reason for keeping these values:</source>
        <translation>Reden om deze waarden te behouden:</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Opslaan (Ctrl+S)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>New record (Ctrl+N)</source>
        <translation>Nieuw gegeven (Ctrl+N)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annuleren (Esc)</translation>
    </message>
    <message>
        <source>Edit {record}</source>
        <translation>{record} wijzigen</translation>
    </message>
    <message>
        <source>New {record}</source>
        <translation>{record} toevoegen</translation>
    </message>
    <message>
        <source>Changes discarded.</source>
        <translation>Wijzigingen verworpen.</translation>
    </message>
    <message>
        <source>Read-only: nothing can be saved.</source>
        <translation>Alleen-lezen: er kan niets worden opgeslagen.</translation>
    </message>
    <message>
        <source>Your role cannot change clinical records.</source>
        <translation>Uw rol mag klinische gegevens niet wijzigen.</translation>
    </message>
    <message>
        <source>Choose or create a patient first.</source>
        <translation>Kies of maak eerst een patiënt.</translation>
    </message>
    <message>
        <source>Reason for change</source>
        <translation>Reden van wijziging</translation>
    </message>
    <message>
        <source>Why is this {record} being changed?</source>
        <translation>Waarom wordt dit gegeven ({record}) gewijzigd?</translation>
    </message>
    <message>
        <source>Not saved: unusual values need a reason.</source>
        <translation>Niet opgeslagen: ongebruikelijke waarden vragen om een reden.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
</context>
<context>
    <name>RecordSection</name>
    <message>
        <source>Show deleted</source>
        <translation>Verwijderde tonen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Verwijderen…</translation>
    </message>
    <message>
        <source>Delete the selected record (Del); a reason is required</source>
        <translation>Het gekozen gegeven verwijderen (Del); een reden is verplicht</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Terugzetten…</translation>
    </message>
    <message>
        <source>Select a record first.</source>
        <translation>Kies eerst een gegeven.</translation>
    </message>
    <message>
        <source>Your role cannot delete records.</source>
        <translation>Uw rol mag geen gegevens verwijderen.</translation>
    </message>
    <message>
        <source>Your role cannot restore records.</source>
        <translation>Uw rol mag geen gegevens terugzetten.</translation>
    </message>
    <message>
        <source>Delete record</source>
        <translation>Gegeven verwijderen</translation>
    </message>
    <message>
        <source>Restore record</source>
        <translation>Gegeven terugzetten</translation>
    </message>
    <message>
        <source>Why delete this {record}?</source>
        <translation>Waarom dit gegeven ({record}) verwijderen?</translation>
    </message>
    <message>
        <source>Why restore this {record}?</source>
        <translation>Waarom dit gegeven ({record}) terugzetten?</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>deleted</source>
        <translation>verwijderd</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyAskDialog</name>
    <message>
        <source>Open with the recovery key — {study}</source>
        <translation>Openen met de herstelsleutel — {study}</translation>
    </message>
    <message>
        <source>{reason}. Type the recovery key of &lt;b&gt;{study}&lt;/b&gt; (printed when the study was created; dashes and case do not matter).</source>
        <translation>{reason}. Typ de herstelsleutel van &lt;b&gt;{study}&lt;/b&gt; (afgedrukt toen de studie werd aangemaakt; streepjes en hoofdletters doen er niet toe).</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyShownDialog</name>
    <message>
        <source>Recovery key — {study}</source>
        <translation>Herstelsleutel — {study}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{study}&lt;/b&gt; is encrypted. This recovery key opens it when every password is lost or its key file (&lt;i&gt;{study}.keys&lt;/i&gt;) is gone. It is shown &lt;b&gt;only now&lt;/b&gt;: print it or write it down, and keep it in the site file, apart from the computer.</source>
        <translation>&lt;b&gt;{study}&lt;/b&gt; is versleuteld. Deze herstelsleutel opent de studie als alle wachtwoorden kwijt zijn of het sleutelbestand (&lt;i&gt;{study}.keys&lt;/i&gt;) weg is. Hij wordt &lt;b&gt;alleen nu&lt;/b&gt; getoond: druk hem af of schrijf hem op, en bewaar hem in het onderzoeksdossier, apart van de computer.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
    <message>
        <source>I have printed or stored the recovery key</source>
        <translation>Ik heb de herstelsleutel afgedrukt of opgeborgen</translation>
    </message>
</context>
<context>
    <name>ReviewText</name>
    <message>
        <source>baseline</source>
        <translation>uitgangsmeting</translation>
    </message>
    <message>
        <source>not computable</source>
        <translation>niet te berekenen</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>ontbreekt</translation>
    </message>
    <message>
        <source>{measure}: {percent} → {points} points</source>
        <translation>{measure}: {percent} → {points} punten</translation>
    </message>
    <message>
        <source>Not computable: </source>
        <translation>Niet te berekenen: </translation>
    </message>
    <message>
        <source>Missing: </source>
        <translation>Ontbreekt: </translation>
    </message>
    <message>
        <source>signature invalid</source>
        <translation>ondertekening ongeldig</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>niet ondertekend</translation>
    </message>
    <message>
        <source> (not content-bound)</source>
        <translation> (niet aan de inhoud gebonden)</translation>
    </message>
    <message>
        <source>current age {age} y</source>
        <translation>huidige leeftijd {age} j</translation>
    </message>
    <message>
        <source>disease duration {years} y</source>
        <translation>ziekteduur {years} j</translation>
    </message>
    <message>
        <source>started at age {age} y</source>
        <translation>gestart op leeftijd {age} j</translation>
    </message>
    <message>
        <source>baseline visit {date}</source>
        <translation>uitgangsbezoek {date}</translation>
    </message>
    <message>
        <source>no baseline visit (none on or before the tacrolimus start)</source>
        <translation>geen uitgangsbezoek (geen op of vóór de start van tacrolimus)</translation>
    </message>
    <message>
        <source>no follow-up recorded since the start</source>
        <translation>geen follow-up vastgelegd sinds de start</translation>
    </message>
    <message>
        <source>follow-up {days} days ({months} months) to the last record on {date}</source>
        <translation>follow-up {days} dagen ({months} maanden) tot het laatste gegeven op {date}</translation>
    </message>
    <message>
        <source>unknown (a dose cannot be converted)</source>
        <translation>onbekend (een dosis kan niet worden omgerekend)</translation>
    </message>
    <message>
        <source>Steroid (prednisolone equivalent): now {now}</source>
        <translation>Steroïd (prednisolonequivalent): nu {now}</translation>
    </message>
    <message>
        <source>; cumulative since tacrolimus start {mg} mg</source>
        <translation>; cumulatief sinds start tacrolimus {mg} mg</translation>
    </message>
    <message>
        <source>; reduced {percent} % since then</source>
        <translation>; sindsdien {percent} % verlaagd</translation>
    </message>
    <message>
        <source>Tacrolimus trough: last {value} ng/mL on {date} ({where}); target {low}–{high}; {outside} of {n} outside the target</source>
        <translation>Tacrolimus-dalspiegel: laatste {value} ng/mL op {date} ({where}); streefwaarde {low}–{high}; {outside} van {n} buiten de streefwaarde</translation>
    </message>
    <message>
        <source>eGFR ({formula}): last {value} mL/min/1.73 m² on {date}, trend {trend}</source>
        <translation>eGFR ({formula}): laatste {value} mL/min/1,73 m² op {date}, trend {trend}</translation>
    </message>
    <message>
        <source>Safety flags: </source>
        <translation>Veiligheidssignalen: </translation>
    </message>
    <message>
        <source>none (K, Mg, glucose, blood pressure)</source>
        <translation>geen (K, Mg, glucose, bloeddruk)</translation>
    </message>
    <message>
        <source>{drug} {dose} {unit} {frequency} since {date}</source>
        <translation>{drug} {dose} {unit} {frequency} sinds {date}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>{date} {term} (grade {grade}, {serious}, {related})</source>
        <translation>{date} {term} (graad {grade}, {serious}, {related})</translation>
    </message>
    <message>
        <source>serious</source>
        <translation>ernstig</translation>
    </message>
    <message>
        <source>not serious</source>
        <translation>niet ernstig</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>geen vastgelegd</translation>
    </message>
    <message>
        <source>Myositis Damage Index not recorded at this visit</source>
        <translation>Myositis Damage Index (schade) niet vastgelegd bij dit bezoek</translation>
    </message>
    <message>
        <source>{system} {extent} (VAS {vas})</source>
        <translation>{system} {extent} (VAS {vas})</translation>
    </message>
    <message>
        <source>MDI extent {extent} of {top} items; severity {severity} of {smax} cm; physician global damage {glob} cm</source>
        <translation>MDI-omvang {extent} van {top} items; ernst {severity} van {smax} cm; globaal oordeel arts over schade {glob} cm</translation>
    </message>
    <message>
        <source>By system: {systems}</source>
        <translation>Per systeem: {systems}</translation>
    </message>
    <message>
        <source>Present: {items}</source>
        <translation>Aanwezig: {items}</translation>
    </message>
    <message>
        <source>Damage (MDI): not recorded</source>
        <translation>Schade (MDI): niet vastgelegd</translation>
    </message>
    <message>
        <source>Damage (MDI) on {date}: {text}</source>
        <translation>Schade (MDI) op {date}: {text}</translation>
    </message>
    <message>
        <source>First recorded {date}: extent {extent}, severity {severity} cm, global damage {glob} cm</source>
        <translation>Eerst vastgelegd {date}: omvang {extent}, ernst {severity} cm, globale schade {glob} cm</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Print summary (PDF)…</source>
        <translation>Samenvatting afdrukken (PDF)…</translation>
    </message>
    <message>
        <source>Sign visit… ({shortcut})</source>
        <translation>Bezoek ondertekenen… ({shortcut})</translation>
    </message>
    <message>
        <source>Sign the visit selected in the table as reviewed (your password is asked); a signed visit is locked</source>
        <translation>Het in de tabel gekozen bezoek ondertekenen als beoordeeld (uw wachtwoord wordt gevraagd); een ondertekend bezoek is vergrendeld</translation>
    </message>
    <message>
        <source>No patient selected.</source>
        <translation>Geen patiënt gekozen.</translation>
    </message>
    <message>
        <source>The visit, its signer, time or meaning changed after it was signed: the signature does not verify.</source>
        <translation>Het bezoek, de ondertekenaar, het tijdstip of de betekenis is gewijzigd na ondertekening: de ondertekening klopt niet meer.</translation>
    </message>
    <message>
        <source>Current medication:</source>
        <translation>Huidige medicatie:</translation>
    </message>
    <message>
        <source>Adverse events:</source>
        <translation>Bijwerkingen:</translation>
    </message>
    <message>
        <source>Select a visit in the table to sign it.</source>
        <translation>Kies een bezoek in de tabel om het te ondertekenen.</translation>
    </message>
    <message>
        <source>The visit of {date} is already signed ({signed}).</source>
        <translation>Het bezoek van {date} is al ondertekend ({signed}).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Study settings</source>
        <translation>Studie-instellingen</translation>
    </message>
    <message>
        <source>Analyte (canonical unit)</source>
        <translation>Bepaling (standaardeenheid)</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Laag</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoog</translation>
    </message>
    <message>
        <source>Default reference ranges (offered when a patient has none yet):</source>
        <translation>Standaard referentiebereiken (aangeboden als een patiënt er nog geen heeft):</translation>
    </message>
    <message>
        <source>Reason for change</source>
        <translation>Reden van wijziging</translation>
    </message>
    <message>
        <source>Why are the study settings changed?</source>
        <translation>Waarom worden de studie-instellingen gewijzigd?</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>The signature records your name, the UTC time and the meaning “reviewed”, and locks the visit.</source>
        <translation>De ondertekening legt uw naam, de UTC-tijd en de betekenis “beoordeeld” vast, en vergrendelt het bezoek.</translation>
    </message>
    <message>
        <source>Sign visit — {study_code}</source>
        <translation>Bezoek ondertekenen — {study_code}</translation>
    </message>
    <message>
        <source>Sign the visit of &lt;b&gt;{study_code}&lt;/b&gt; on &lt;b&gt;{date}&lt;/b&gt; as reviewed.</source>
        <translation>Het bezoek van &lt;b&gt;{study_code}&lt;/b&gt; op &lt;b&gt;{date}&lt;/b&gt; ondertekenen als beoordeeld.</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>Uw wachtwoord</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Ondertekenen</translation>
    </message>
    <message>
        <source>Your password:</source>
        <translation>Uw wachtwoord:</translation>
    </message>
    <message>
        <source>Type your password to sign.</source>
        <translation>Typ uw wachtwoord om te ondertekenen.</translation>
    </message>
    <message>
        <source>Not signed: {problem}. Type your password again.</source>
        <translation>Niet ondertekend: {problem}. Typ uw wachtwoord opnieuw.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>{study_code} summary</source>
        <translation>Samenvatting {study_code}</translation>
    </message>
    <message>
        <source>day {n}</source>
        <translation>dag {n}</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>basis</translation>
    </message>
    <message>
        <source>not</source>
        <translation>niet</translation>
    </message>
    <message>
        <source>computable</source>
        <translation>te berekenen</translation>
    </message>
    <message>
        <source>{met}/{available} met</source>
        <translation>{met}/{available} voldaan</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>niet ondertekend</translation>
    </message>
    <message>
        <source>✓ (not bound)</source>
        <translation>✓ (niet gebonden)</translation>
    </message>
    <message>
        <source>Visits and scores (second line: change from baseline)</source>
        <translation>Bezoeken en scores (tweede regel: verandering t.o.v. uitgangsmeting)</translation>
    </message>
    <message>
        <source>({n} earlier visits not shown; all are in the study file and its exports)</source>
        <translation>({n} eerdere bezoeken niet getoond; ze staan alle in het studiebestand en de exports)</translation>
    </message>
    <message>
        <source>(1 earlier visit not shown; it is in the study file and its exports)</source>
        <translation>(1 eerder bezoek niet getoond; het staat in het studiebestand en de exports)</translation>
    </message>
    <message>
        <source>{study_code} — patient summary</source>
        <translation>{study_code} — patiëntsamenvatting</translation>
    </message>
    <message>
        <source>{study} · printed {date} by {app} {version}</source>
        <translation>{study} · afgedrukt {date} door {app} {version}</translation>
    </message>
    <message>
        <source>Treatment and safety</source>
        <translation>Behandeling en veiligheid</translation>
    </message>
    <message>
        <source>Current medication: </source>
        <translation>Huidige medicatie: </translation>
    </message>
    <message>
        <source>Adverse events: </source>
        <translation>Bijwerkingen: </translation>
    </message>
    <message>
        <source> by {names}</source>
        <translation> door {names}</translation>
    </message>
    <message>
        <source>Signatures: {signed} of {n} visits signed as reviewed{by} (✓ UTC date of the signature; a signed visit is locked).</source>
        <translation>Ondertekeningen: {signed} van {n} bezoeken ondertekend als beoordeeld{by} (✓ UTC-datum van de ondertekening; een ondertekend bezoek is vergrendeld).</translation>
    </message>
    <message>
        <source> {n} signature(s) INVALID: the visit changed after signing.</source>
        <translation> {n} ondertekening(en) ONGELDIG: het bezoek is gewijzigd na ondertekening.</translation>
    </message>
</context>
<context>
    <name>TroughPlot</name>
    <message>
        <source>target</source>
        <translation>streefwaarde</translation>
    </message>
    <message>
        <source>target {low}–{high} ng/mL</source>
        <translation>streefwaarde {low}–{high} ng/mL</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users of this study</source>
        <translation>Gebruikers van deze studie</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Full name (shown on signatures)</source>
        <translation>Volledige naam (staat bij ondertekeningen)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Wachtwoord nogmaals</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Gebruiker toevoegen</translation>
    </message>
    <message>
        <source>Deactivate / reactivate…</source>
        <translation>Deactiveren / heractiveren…</translation>
    </message>
    <message>
        <source>Set new password…</source>
        <translation>Nieuw wachtwoord instellen…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>&lt;b&gt;Add a user&lt;/b&gt;</source>
        <translation>&lt;b&gt;Een gebruiker toevoegen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{rules} Now: {problem}.</source>
        <translation>{rules} Nu: {problem}.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>Select a user first.</source>
        <translation>Kies eerst een gebruiker.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>De twee wachtwoorden verschillen.</translation>
    </message>
    <message>
        <source>Deactivate user</source>
        <translation>Gebruiker deactiveren</translation>
    </message>
    <message>
        <source>Reactivate user</source>
        <translation>Gebruiker heractiveren</translation>
    </message>
    <message>
        <source>Why deactivate {user}?</source>
        <translation>Waarom {user} deactiveren?</translation>
    </message>
    <message>
        <source>Why reactivate {user}?</source>
        <translation>Waarom {user} heractiveren?</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nieuw wachtwoord</translation>
    </message>
    <message>
        <source>New password for {user}.</source>
        <translation>Nieuw wachtwoord voor {user}.</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>Sign as reviewed…</source>
        <translation>Ondertekenen als beoordeeld…</translation>
    </message>
    <message>
        <source>Sign this visit as reviewed (your password is asked); a signed visit is locked</source>
        <translation>Dit bezoek ondertekenen als beoordeeld (uw wachtwoord wordt gevraagd); een ondertekend bezoek is vergrendeld</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>Ontgrendelen…</translation>
    </message>
    <message>
        <source>Clear the signature so the visit can be edited (a reason is asked)</source>
        <translation>De ondertekening wissen zodat het bezoek gewijzigd kan worden (een reden wordt gevraagd)</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>beoordeeld</translation>
    </message>
    <message>
        <source>Signature invalid: changed after {name} ({user}) signed it on {at} UTC</source>
        <translation>Ondertekening ongeldig: gewijzigd nadat {name} ({user}) het op {at} UTC ondertekende</translation>
    </message>
    <message>
        <source>Signed by {name} ({user}) on {at} UTC — {meaning}</source>
        <translation>Ondertekend door {name} ({user}) op {at} UTC — {meaning}</translation>
    </message>
    <message>
        <source> (signature verified)</source>
        <translation> (ondertekening geverifieerd)</translation>
    </message>
    <message>
        <source> (signed before signatures were bound to content: not verifiable)</source>
        <translation> (ondertekend voordat ondertekeningen aan de inhoud gebonden werden: niet te verifiëren)</translation>
    </message>
    <message>
        <source> (signature not checked: the study key is not available)</source>
        <translation> (ondertekening niet gecontroleerd: de studiesleutel is niet beschikbaar)</translation>
    </message>
    <message>
        <source>Sign visit</source>
        <translation>Bezoek ondertekenen</translation>
    </message>
    <message>
        <source>Sign this visit as reviewed. The signature records your name, the UTC time and the meaning “reviewed”, and locks the visit.

Your password:</source>
        <translation>Dit bezoek ondertekenen als beoordeeld. De ondertekening legt uw naam, de UTC-tijd en de betekenis “beoordeeld” vast, en vergrendelt het bezoek.

Uw wachtwoord:</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Niet ondertekend</translation>
    </message>
    <message>
        <source>Unlock visit</source>
        <translation>Bezoek ontgrendelen</translation>
    </message>
    <message>
        <source>Why must this signed visit be unlocked?</source>
        <translation>Waarom moet dit ondertekende bezoek ontgrendeld worden?</translation>
    </message>
    <message>
        <source>Not unlocked</source>
        <translation>Niet ontgrendeld</translation>
    </message>
    <message>
        <source>Damage (MDI): global and totals</source>
        <translation>Schade (MDI): globaal en totalen</translation>
    </message>
    <message>
        <source>Damage (MDI): {system}</source>
        <translation>Schade (MDI): {system}</translation>
    </message>
    <message>
        <source>Damage severity (cm)</source>
        <translation>Ernst van de schade (cm)</translation>
    </message>
    <message>
        <source>MDI extent (items present)</source>
        <translation>MDI-omvang (aanwezige items)</translation>
    </message>
    <message>
        <source>MDI severity (sum of 11 systems)</source>
        <translation>MDI-ernst (som van 11 systemen)</translation>
    </message>
    <message>
        <source>— (not assessed)</source>
        <translation>— (niet beoordeeld)</translation>
    </message>
    <message>
        <source>— (incomplete)</source>
        <translation>— (onvolledig)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>unknown user name or wrong password</source>
        <translation>onbekende gebruikersnaam of verkeerd wachtwoord</translation>
    </message>
    <message>
        <source>The key file {file} is missing or damaged</source>
        <translation>Het sleutelbestand {file} ontbreekt of is beschadigd</translation>
    </message>
    <message>
        <source>No password opened the study</source>
        <translation>Geen wachtwoord opende de studie</translation>
    </message>
    <message>
        <source>This recovery key does not open this study.</source>
        <translation>Deze herstelsleutel opent deze studie niet.</translation>
    </message>
    <message>
        <source>Automatic backup failed: {problem}</source>
        <translation>Automatische back-up mislukt: {problem}</translation>
    </message>
    <message>
        <source>The login could not be recorded: {problem}</source>
        <translation>De aanmelding kon niet worden vastgelegd: {problem}</translation>
    </message>
    <message>
        <source>Changed outside JDM Desk: {problems}.</source>
        <translation>Buiten JDM Desk gewijzigd: {problems}.</translation>
    </message>
    <message>
        <source>Check the audit trail (jdmdesk check) and restore a verified backup if needed.</source>
        <translation>Controleer de audit trail (jdmdesk check) en zet zo nodig een gecontroleerde back-up terug.</translation>
    </message>
    <message>
        <source>Read-only until a data manager has opened it.</source>
        <translation>Alleen-lezen totdat een datamanager de studie heeft geopend.</translation>
    </message>
    <message>
        <source>Cannot open {file}.</source>
        <translation>Kan {file} niet openen.</translation>
    </message>
    <message>
        <source>Restore backup into a new file…</source>
        <translation>Back-up terugzetten in een nieuw bestand…</translation>
    </message>
    <message>
        <source>Restore into a new study file</source>
        <translation>Terugzetten in een nieuw studiebestand</translation>
    </message>
    <message>
        <source>JDM Desk study (*.jdm)</source>
        <translation>JDM Desk-studie (*.jdm)</translation>
    </message>
    <message>
        <source>Restored into {file}. Open it with jdmdesk.</source>
        <translation>Teruggezet in {file}. Open het met jdmdesk.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Import lab results</source>
        <translation>Laboratoriumuitslagen importeren</translation>
    </message>
    <message>
        <source>Lab results (*.csv *.txt *.tsv *.xlsx);;All files (*)</source>
        <translation>Laboratoriumuitslagen (*.csv *.txt *.tsv *.xlsx);;Alle bestanden (*)</translation>
    </message>
</context>
</TS>
