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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
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
    public static final String SURNAMES_FILE = "person-surnames.txt";
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
    private static final Set<String> COMMON_CAPITALISED = Set.copyOf(Arrays.asList(("I I'm I've I'll I'd Okay OK Ok"
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
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SPOKEN_SEPARATOR = Pattern.compile("[\\s/-]+");
    /** A run of single letters that are all "a" or "i" is words, not a spelled code. */
    private static final Pattern ONLY_A_AND_I = Pattern.compile("(?i)[ai\\s]+");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[A-Z_]+]");
    /** What may stand between a given name and the family name after it: a space, or an initial's dot and one. */
    private static final Pattern NAME_GAP = Pattern.compile("\\.? ");
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
    private static final Set<String> NAME_PARTICLES = Set.of("de", "van", "der", "den", "von",
            "da", "di", "du", "del", "della", "dos", "das", "le", "la", "bin", "ibn", "al", "el", "ter", "ten", "st");
    private static final Pattern TITLE = Pattern.compile("(?i)mr|mrs|ms|miss|mx|dr");
    /** Months and days are names too (April, May, June), but in support talk they are almost always dates. */
    private static final Set<String> CALENDAR = Set.of("january", "february", "march", "april",
            "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday");

    private final List<Rule> rules;
    private final Map<String, Boolean> givenNames;
    /** Family names in lower case; true when the name is also an English word (Black, Young). */
    private final Map<String, Boolean> surnames;
    private volatile CRFClassifier<CoreLabel> ner;

    private record Rule(String type, Pattern pattern) {
    }

    private PersonalDataRedactor(List<Rule> rules, Map<String, Boolean> givenNames,
                                 Map<String, Boolean> surnames) {
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
    private static Map<String, Boolean> names(Optional<String> rulesDir, String file, boolean lowerCase) {
        Map<String, Boolean> names = new HashMap<>();
        for (String line : lines(rulesDir, file)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                String[] parts = t.split("\\t");
                String name = parts[0].strip();
                names.put(lowerCase ? name.toLowerCase(Locale.ROOT) : name,
                        parts.length > 1 && parts[1].strip().equals("word"));
            }
        }
        return Map.copyOf(names);
    }

    private static List<Rule> load(Optional<String> rulesDir) {
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
        String s = replace(text, EMAIL, m -> true, m -> "EMAIL");
        s = replace(s, CARD, m -> luhn(m.group()), m -> "CARD");
        for (Rule rule : rules) {
            s = replace(s, rule.pattern(), m -> true, m -> rule.type());
        }
        s = replace(s, PHONE, m -> {
            long digits = m.group().chars().filter(Character::isDigit).count();
            return digits >= 9 && digits <= 15;
        }, m -> "PHONE");
        String spoken = s;
        s = replace(s, SPOKEN_RUN, m -> spokenDigits(m.group()) >= 2
                        || WHITESPACE.split(m.group()).length >= 5 && !ONLY_A_AND_I.matcher(m.group()).matches(),
                m -> cueType(spoken, m.start(), "NUMBER"));
        String coded = s;
        s = replace(s, CODE, m -> !DATE.matcher(m.group()).matches() && codeLike(m.group()),
                m -> cueType(coded, m.start(), "ID"));
        return names(s);
    }

    private static long spokenDigits(String run) {
        return Arrays.stream(SPOKEN_SEPARATOR.split(run)).filter(t -> DIGIT_WORD.matcher(t).matches()).count();
    }

    /** Letters with four or more digits (INC0047721, 7741-AX), or six or more digits on their own. */
    private static boolean codeLike(String token) {
        long digits = token.chars().filter(Character::isDigit).count();
        boolean letters = token.chars().anyMatch(Character::isLetter);
        boolean parts = token.indexOf('-') >= 0 || token.indexOf('/') >= 0;
        return letters ? digits >= 4 || digits >= 3 && parts : digits >= 6;
    }

    /** The type of the nearest cue word in the 60 characters before {@code at}, else {@code fallback}. */
    private static String cueType(String text, int at, String fallback) {
        String before = text.substring(Math.max(0, at - 60), at);
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
        return type;
    }

    /**
     * Replaces each accepted match of {@code p} (its group 1 when the pattern has one and it matched) by
     * {@code [TYPE]}, the type given by {@code typeOf} for that match.
     */
    private static String replace(String text, Pattern p, Predicate<Matcher> accept, Function<Matcher, String> typeOf) {
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
            out.append(text, at, m.start(group)).append('[').append(typeOf.apply(m)).append(']');
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
        Matcher w = WORD.matcher(PLACEHOLDER.matcher(s).replaceAll(" "));
        boolean candidate = false;
        while (w.find() && !candidate) {
            String word = w.group();
            candidate = Character.isUpperCase(word.charAt(0)) && !COMMON_CAPITALISED.contains(word)
                    && !COMMON_CAPITALISED.contains(POSSESSIVE.matcher(word).replaceAll(""));
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
            String word = POSSESSIVE.matcher(w.group()).replaceAll("");
            boolean adjacent = previousEnd >= 0 && NAME_GAP.matcher(text).region(previousEnd, w.start()).matches();
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
            String lower = word.toLowerCase(Locale.ROOT);
            boolean sentenceStart = sentenceStart(text, w.start());
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

    /** Whether only white space, or sentence-ending punctuation and then white space, comes before {@code at}. */
    private static boolean sentenceStart(String text, int at) {
        int i = at;
        while (i > 0 && " \t\n\u000B\f\r".indexOf(text.charAt(i - 1)) >= 0) {
            i--;
        }
        return i == 0 || i < at && ".!?:".indexOf(text.charAt(i - 1)) >= 0;
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
