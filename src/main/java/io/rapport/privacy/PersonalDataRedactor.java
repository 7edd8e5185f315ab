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
 * ...), so what Rapport writes can be read by many people. Built-in: e-mail addresses, Luhn-valid card numbers,
 * phone numbers; then the shapes of {@code rules/personal-data.txt} (accounts, orders, postal codes); then person
 * names found by CoreNLP's 3-class NER model. Only the short texts that are written (excerpts, quarantine text) are
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
            "(?<![\\w+])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,5}\\)[ .-]?)?\\d{2,5}(?:[ .-]?\\d{2,5}){1,4}(?![\\w])");
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

    private final List<Rule> rules;
    private final java.util.Map<String, Boolean> givenNames;
    private volatile CRFClassifier<CoreLabel> ner;

    private record Rule(String type, Pattern pattern) {
    }

    private PersonalDataRedactor(List<Rule> rules, java.util.Map<String, Boolean> givenNames) {
        this.rules = rules;
        this.givenNames = givenNames;
    }

    /** The redactor for a rules folder (or the shipped rules), built once per JVM. */
    public static PersonalDataRedactor forRules(Optional<String> rulesDir) {
        return BY_RULES.computeIfAbsent(rulesDir.orElse(""),
                d -> new PersonalDataRedactor(load(rulesDir), names(rulesDir)));
    }

    /** The rules folder's file if it has one, else the shipped one. */
    private static List<String> lines(Optional<String> rulesDir, String file) {
        try (InputStream in = rulesDir.map(d -> Path.of(d, file)).filter(Files::exists)
                .map(PersonalDataRedactor::open)
                .orElseGet(() -> PersonalDataRedactor.class.getResourceAsStream("/rules/" + file))) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Given names from {@value #NAMES_FILE}; the value says whether the name is also an English word ("Grace",
     * "Will"), which is then only taken for a name inside a sentence, never at its start.
     */
    private static java.util.Map<String, Boolean> names(Optional<String> rulesDir) {
        java.util.Map<String, Boolean> names = new java.util.HashMap<>();
        for (String line : lines(rulesDir, NAMES_FILE)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                String[] parts = t.split("\\t");
                names.put(parts[0].strip(), parts.length > 1 && parts[1].strip().equals("word"));
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
        return names(s);
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

    private String givenNames(String text) {
        Matcher w = WORD.matcher(text);
        StringBuilder out = null;
        int at = 0;
        boolean previousWasName = false;
        int previousEnd = -1;
        while (w.find()) {
            String word = w.group().replaceAll("['’]s$", "");
            boolean sentenceStart = text.substring(0, w.start()).matches("(?s)(.*[.!?:]\\s+|\\s*)");
            Boolean isWord = givenNames.get(word);
            if (isWord == null && word.equals(word.toLowerCase(java.util.Locale.ROOT)) && word.length() > 2) {
                // Lower-case transcripts (ASR): a name that is no English word is still a name.
                String capitalised = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                isWord = Boolean.FALSE.equals(givenNames.get(capitalised)) ? Boolean.FALSE : null;
            }
            boolean surname = previousWasName && previousEnd >= 0 && text.substring(previousEnd, w.start()).equals(" ")
                    && Character.isUpperCase(word.charAt(0)) && !COMMON_CAPITALISED.contains(word);
            boolean name = surname || (isWord != null && (!isWord || !sentenceStart)
                    && (Character.isUpperCase(word.charAt(0)) || !isWord));
            if (name) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, at, w.start()).append("[NAME]");
                at = w.start() + word.length();
            }
            previousWasName = name;
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
