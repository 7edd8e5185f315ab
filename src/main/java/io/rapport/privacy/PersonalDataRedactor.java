package io.rapport.privacy;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.Triple;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in a text with its type ({@code [CARD]}, {@code [PHONE]}, {@code [EMAIL]}, {@code [NAME]},
 * ...), so what Rapport writes can be read by many people. Built-in: e-mail addresses, Luhn-valid card numbers;
 * then the shapes of {@code rules/personal-data.txt} (accounts, orders, postal codes, spoken addresses, titles
 * and "my name is"); then phone numbers; then numbers and codes said or spelled out word by word ("four four seven
 * one", "k nine r two") and written codes mixing letters and digits, typed by the nearest cue word before them
 * ("account", "order", "number", ...); then person names: the given-name and family-name lists, and CoreNLP's
 * 3-class NER model. Only the short texts that are written (excerpts, quarantine text) are
 * redacted, never whole transcripts, which keeps the NER cost small. One instance per JVM and rules folder.
 */
public final class PersonalDataRedactor {

    public static final String RULES_FILE = "personal-data.txt";
    public static final String NAMES_FILE = "person-names.txt";
    private static final String NER_MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";
    private static final Map<String, PersonalDataRedactor> BY_RULES = new ConcurrentHashMap<>();

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** 13 to 19 digits, optionally grouped by single spaces or dashes. */
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");
    /** Optional +country and (area), then digit groups; 9 to 15 digits in all. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,5}\\)[ .-]?)?\\d{1,5}(?:[ .-]?\\d{1,5}){1,6}(?![\\w])");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    /**
     * Capitalised words that open sentences in support talk. NER (milliseconds per text) only runs on a text with
     * some other capitalised word, which keeps it off most excerpts ("Okay, let me check that for you.").
     */
    private static final java.util.Set<String> COMMON_CAPITALISED = java.util.Set.copyOf(java.util.Arrays.asList(("I I'm I've I'll I'd Okay OK Ok"
            + " Yes Yeah Yep No Nope Thanks Thank Sorry So Let Let's Just Well Oh Right Sure Great Perfect Alright All"
            + " And But Or If When What Why How Where Who Which Can Could Would Will Shall Should Do Does Did Is Are"
            + " Was Were Have Has Had It It's That That's This There There's These Those The A An We We're We'll We've"
            + " You You're You've You'll Your My Our He She They Please Hi Hello Hey Good Morning Afternoon Evening Bye"
            + " Goodbye Absolutely Of Not Now Then Also Actually Honestly Unfortunately Mm Mhm Mm-hmm Uh Um Hmm Ah Wait"
            + " Hold Give Bear Once As In On At For From To With By After Before Since Because Although Even Still Yet"
            + " Again Any Anything Nothing Everything Something Don't Didn't Doesn't Can't Won't Isn't Aren't Wasn't"
            + " Happy Glad Exactly Correct Fine Understood Got Brilliant Lovely Cheers Kind Best Regards Dear Sir Madam"
            + " Mr Mrs Ms Miss Dr Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March"
            + " April May June July August September October November December Really Totally Completely Definitely"
            + " Apologies Apologize Apologise Unfortunately Here Here's Look Listen See Anyway Otherwise Instead One Two"
            + " Three First Second Last Next Another Every Each Some Most Many Much More Less Very Too Quite Only Maybe"
            + " Perhaps Probably Certainly Of Course Ok. Whatever Calm Sounds Seems Looks That'll I'd Shall Hang Bye-bye"
            + " Am Be Been Being Go Going Get Getting Make Making Take Taking Try Trying Keep Call Send Check Checking"
            + " Refund Charge Charged Card Account Order Router Internet Broadband Phone Email Bill Billing Payment"
            + " Customer Agent Support Service Team Manager Company").split(" ")));

    public static final String SURNAMES_FILE = "person-surnames.txt";

    /** A word of a number or code said aloud: a digit, a digit word, a letter, a spelling-alphabet word. */
    private static final String SPOKEN_TOKEN = "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple"
            + "|alpha|alfa|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliet|juliett|kilo|lima|mike|oscar|papa"
            + "|quebec|romeo|sierra|tango|uniform|victor|whiskey|whisky|x-ray|xray|yankee|zulu|\\d{1,4}|[a-z])";
    /** Four or more of them in a row, joined by spaces or by spoken/written dashes and slashes. */
    private static final Pattern SPOKEN_RUN = Pattern.compile("(?i)(?<![\\p{L}\\d'’-])" + SPOKEN_TOKEN
            + "(?:(?:\\s*[-/]\\s*|\\s+(?:dash|hyphen|slash)\\s+|\\s+)" + SPOKEN_TOKEN + "){3,}(?![\\p{L}\\d'’])");
    private static final Pattern DIGIT_WORD = Pattern.compile(
            "(?i)\\d+|zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple");
    /**
     * A written code: letters and at least four digits in one token, possibly in dash- or slash-separated parts
     * (INC0047721, LL-204-88193, CLM/2291/77), or six or more digits. Dates, timestamps and our own pseudonyms
     * ({@code cus_...}) are left alone.
     */
    private static final Pattern CODE = Pattern.compile("(?<![\\p{L}\\d/.,£$€_-])(?=(?:[\\p{L}]*[-/]?)*\\d)"
            + "[\\p{L}\\d]+(?:[-/][\\p{L}\\d]+)*(?![\\p{L}\\d]|[.,]\\d|[-/][\\p{L}\\d])");
    private static final Pattern DATE = Pattern.compile("\\d{1,4}[-/.]\\d{1,2}(?:[-/.]\\d{1,4}(?:T\\d{1,2})?)?");
    /**
     * Cue words and the type they give a number or code that follows within a few words; the nearest cue wins.
     * Account and order words come before "number", which alone means a phone number.
     */
    private static final List<Map.Entry<Pattern, String>> CUES = List.of(
            Map.entry(Pattern.compile("(?i)\\b(?:e-?mail|address)\\b"), "EMAIL"),
            Map.entry(Pattern.compile("(?i)\\b(?:account|acct|member(?:ship)?|customer (?:id|number)|policy|loyalty"
                    + "|frequent flyer|subscriber)\\b"), "ACCOUNT"),
            Map.entry(Pattern.compile("(?i)\\b(?:order|ref|reference|ticket|case|booking|tracking|claim|incident"
                    + "|dispute|return|confirmation|invoice|job)\\b"), "ORDER"),
            Map.entry(Pattern.compile("(?i)\\b(?:post ?code|zip(?: code)?|postal code)\\b"), "POSTCODE"),
            Map.entry(Pattern.compile("(?i)\\bcard\\b"), "CARD"),
            Map.entry(Pattern.compile("(?i)\\b(?:phone|mobile|cell|landline|call|ring|text|contact|(?<!(?:account|order"
                    + "|reference|ref|ticket|case|booking|tracking|claim|member|membership|customer|policy|incident"
                    + "|confirmation|invoice)\\s)number)\\b"), "PHONE"),
            Map.entry(Pattern.compile("(?i)\\b(?:name|surname|spell|spelt|spelled)\\b"), "NAME"));
    /** Words that join the parts of a family name (van der Berg, de Vries, bin Said). */
    private static final java.util.Set<String> NAME_PARTICLES = java.util.Set.of("de", "van", "der", "den", "von",
            "da", "di", "du", "del", "della", "dos", "das", "le", "la", "bin", "ibn", "al", "el", "ter", "ten", "st");
    private static final Pattern TITLE = Pattern.compile("(?i)mr|mrs|ms|miss|mx|dr");
    /** Months and days are names too (April, May, June), but in support talk they are almost always dates. */
    private static final java.util.Set<String> CALENDAR = java.util.Set.of("january", "february", "march", "april",
            "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday");

    private final List<Rule> rules;
    private final java.util.Map<String, Boolean> givenNames;
    /** Family names in lower case; true when the name is also an English word (Black, Young). */
    private final java.util.Map<String, Boolean> surnames;
    private volatile CRFClassifier<CoreLabel> ner;

    private record Rule(String type, Pattern pattern) {
    }

    private PersonalDataRedactor(List<Rule> rules, java.util.Map<String, Boolean> givenNames,
                                 java.util.Map<String, Boolean> surnames) {
        this.rules = rules;
        this.givenNames = givenNames;
        this.surnames = surnames;
    }

    /** The redactor for a rules folder (or the shipped rules), built once per JVM. */
    public static PersonalDataRedactor forRules(Optional<String> rulesDir) {
        return BY_RULES.computeIfAbsent(rulesDir.orElse(""),
                d -> new PersonalDataRedactor(load(rulesDir), names(rulesDir, NAMES_FILE, false),
                        names(rulesDir, SURNAMES_FILE, true)));
    }

    /** The rules folder's file if it has one, else the shipped one. */
    private static List<String> lines(Optional<String> rulesDir, String file) {
        try (InputStream in = rulesDir.map(d -> Path.of(d, file)).filter(Files::exists)
                .map(PersonalDataRedactor::open)
                .orElseGet(() -> PersonalDataRedactor.class.getResourceAsStream("/rules/" + file))) {
            if (in == null) {
                throw new IllegalStateException("the rules file " + file + " is missing from the job jar");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Given names from {@value #NAMES_FILE}; the value says whether the name is also an English word ("Grace",
     * "Will"), which is then only taken for a name inside a sentence, never at its start.
     */
    private static java.util.Map<String, Boolean> names(Optional<String> rulesDir, String file, boolean lowerCase) {
        java.util.Map<String, Boolean> names = new java.util.HashMap<>();
        for (String line : lines(rulesDir, file)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                String[] parts = t.split("\\t");
                String name = parts[0].strip();
                names.put(lowerCase ? name.toLowerCase(java.util.Locale.ROOT) : name,
                        parts.length > 1 && parts[1].strip().equals("word"));
            }
        }
        return java.util.Map.copyOf(names);
    }

    private static List<Rule> load(Optional<String> rulesDir) {
        {
            List<Rule> rules = new ArrayList<>();
            int n = 0;
            for (String line : lines(rulesDir, RULES_FILE)) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] parts = t.split("\\s+", 2);
                if (parts.length < 2 || !parts[0].matches("[A-Z_]+")) {
                    throw new IllegalArgumentException(RULES_FILE + " line " + n + ": expected TYPE and a regular expression");
                }
                try {
                    rules.add(new Rule(parts[0], Pattern.compile(parts[1])));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(RULES_FILE + " line " + n + ": " + e.getMessage());
                }
            }
            return List.copyOf(rules);
        }
    }

    private static InputStream open(Path p) {
        try {
            return Files.newInputStream(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with every piece of personal data found replaced by {@code [TYPE]}; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = replace(text, EMAIL, "EMAIL", m -> true);
        s = replace(s, CARD, "CARD", m -> luhn(m.group()));
        for (Rule rule : rules) {
            s = replace(s, rule.pattern(), rule.type(), m -> true);
        }
        s = replace(s, PHONE, "PHONE", m -> {
            long digits = m.group().chars().filter(Character::isDigit).count();
            return digits >= 9 && digits <= 15;
        });
        s = typedByCue(s, SPOKEN_RUN, m -> spokenDigits(m.group()) >= 2
                || m.group().split("\\s+").length >= 5 && !m.group().matches("(?i)[ai\\s]+"), "NUMBER");
        s = typedByCue(s, CODE, m -> !DATE.matcher(m.group()).matches() && codeLike(m.group()), "ID");
        return names(s);
    }

    private static long spokenDigits(String run) {
        return java.util.Arrays.stream(run.split("[\\s/-]+")).filter(t -> DIGIT_WORD.matcher(t).matches()).count();
    }

    /** Letters with four or more digits (INC0047721, 7741-AX), or six or more digits on their own. */
    private static boolean codeLike(String token) {
        long digits = token.chars().filter(Character::isDigit).count();
        boolean letters = token.chars().anyMatch(Character::isLetter);
        return letters ? digits >= 4 || digits >= 3 && token.matches(".*[-/].*") : digits >= 6;
    }

    /** Replaces each accepted match by the type of the nearest cue word in the 60 characters before it. */
    private static String typedByCue(String text, Pattern p, java.util.function.Predicate<Matcher> accept,
                                     String fallback) {
        Matcher m = p.matcher(text);
        StringBuilder out = null;
        int at = 0;
        while (m.find()) {
            if (!accept.test(m) || m.start() < at) {
                continue;
            }
            String before = text.substring(Math.max(0, m.start() - 60), m.start());
            String type = fallback;
            int nearest = -1;
            for (Map.Entry<Pattern, String> cue : CUES) {
                Matcher c = cue.getKey().matcher(before);
                while (c.find()) {
                    if (c.start() > nearest) {
                        nearest = c.start();
                        type = cue.getValue();
                    }
                }
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, at, m.start()).append('[').append(type).append(']');
            at = m.end();
        }
        return out == null ? text : out.append(text, at, text.length()).toString();
    }

    private static String replace(String text, Pattern p, String type, java.util.function.Predicate<Matcher> accept) {
        Matcher m = p.matcher(text);
        StringBuilder out = null;
        int at = 0;
        while (m.find()) {
            if (!accept.test(m)) {
                continue;
            }
            int group = m.groupCount() >= 1 && m.group(1) != null ? 1 : 0;
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, at, m.start(group)).append('[').append(type).append(']');
            at = m.end(group);
        }
        return out == null ? text : out.append(text, at, text.length()).toString();
    }

    /**
     * Person names: first the given-name list (with the capitalised word after a name, the surname), then NER
     * when a capitalised word remains that is not a common sentence opener.
     */
    private String names(String text) {
        String s = givenNames(text);
        Matcher w = WORD.matcher(s.replaceAll("\\[[A-Z_]+]", " "));
        boolean candidate = false;
        while (w.find() && !candidate) {
            String word = w.group();
            candidate = Character.isUpperCase(word.charAt(0)) && !COMMON_CAPITALISED.contains(word)
                    && !COMMON_CAPITALISED.contains(word.replaceAll("['’]s$", ""));
        }
        if (!candidate) {
            return s;
        }
        List<Triple<String, Integer, Integer>> spans = classifier().classifyToCharacterOffsets(s);
        StringBuilder out = null;
        int at = 0;
        for (Triple<String, Integer, Integer> span : spans) {
            if (!"PERSON".equals(span.first()) || span.second() < at || s.substring(span.second(), span.third())
                    .equals("[NAME]")) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length());
            }
            out.append(s, at, span.second()).append("[NAME]");
            at = span.third();
        }
        return out == null ? s : out.append(s, at, s.length()).toString();
    }

    /**
     * Names from the lists: a listed given name; then, after a name or a title (Mrs, Dr), a family name from the
     * list, a capitalised word, or a particle with the word after it (de Vries).
     */
    private String givenNames(String text) {
        Matcher w = WORD.matcher(text);
        StringBuilder out = null;
        int at = 0;
        boolean afterName = false;
        boolean afterTitle = false;
        int previousEnd = -1;
        while (w.find()) {
            String word = w.group().replaceAll("['’]s$", "");
            boolean adjacent = previousEnd >= 0 && text.substring(previousEnd, w.start()).matches("\\.? ");
            if (word.equals("NAME") && w.start() > 0 && text.charAt(w.start() - 1) == '[') {
                afterName = true;
                previousEnd = w.start() + word.length() + 1;
                continue;
            }
            if (TITLE.matcher(word).matches()) {
                afterName = true;
                afterTitle = true;
                previousEnd = w.start() + word.length();
                continue;
            }
            String lower = word.toLowerCase(java.util.Locale.ROOT);
            boolean sentenceStart = text.substring(0, w.start()).matches("(?s)(.*[.!?:]\\s+|\\s*)");
            Boolean isWord = givenNames.get(word);
            if (isWord == null && word.equals(lower) && word.length() > 2) {
                // Lower-case transcripts (ASR): a name that is no English word is still a name.
                String capitalised = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                isWord = Boolean.FALSE.equals(givenNames.get(capitalised)) ? Boolean.FALSE : null;
            }
            if (CALENDAR.contains(lower)) {
                isWord = null;
            }
            boolean particle = afterName && adjacent && NAME_PARTICLES.contains(lower) && w.end() < text.length();
            boolean surname = afterName && adjacent && !CALENDAR.contains(lower)
                    && (afterTitle && !COMMON_CAPITALISED.contains(Character.toUpperCase(word.charAt(0))
                    + word.substring(1)) || Boolean.FALSE.equals(surnames.get(lower))
                    || Character.isUpperCase(word.charAt(0)) && !COMMON_CAPITALISED.contains(word));
            boolean name = particle || surname || (isWord != null && (!isWord || !sentenceStart)
                    && (Character.isUpperCase(word.charAt(0)) || !isWord));
            if (name) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, at, w.start()).append(particle ? word : "[NAME]");
                at = w.start() + word.length();
            }
            afterName = name;
            afterTitle = false;
            previousEnd = w.start() + word.length();
        }
        return out == null ? text : out.append(text, at, text.length()).toString();
    }

    private CRFClassifier<CoreLabel> classifier() {
        CRFClassifier<CoreLabel> c = ner;
        if (c == null) {
            synchronized (this) {
                if (ner == null) {
                    try {
                        ner = CRFClassifier.getClassifier(NER_MODEL);
                    } catch (IOException | ClassNotFoundException e) {
                        throw new IllegalStateException("cannot load the NER model " + NER_MODEL, e);
                    }
                }
                c = ner;
            }
        }
        return c;
    }

    static boolean luhn(String candidate) {
        int sum = 0;
        boolean twice = false;
        for (int i = candidate.length() - 1; i >= 0; i--) {
            char ch = candidate.charAt(i);
            if (!Character.isDigit(ch)) {
                continue;
            }
            int d = ch - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
