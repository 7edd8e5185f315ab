package io.rapport.sample;

import io.rapport.sample.Scenario.Exchange;

import java.util.List;

/** Queue-independent dialogue lines. Several alternatives per slot keep the texts from repeating. */
final class Phrases {

    private Phrases() {
    }

    /** A generic exchange to lengthen a conversation; some only make sense on the phone or with a known account. */
    record Filler(Exchange exchange, boolean voiceOnly, boolean needsAccount) {
    }

    /** Agent backchannels: short acknowledgements spoken while the customer still has the floor. */
    static final List<String> BACKCHANNELS = List.of("Mm-hmm.", "Right.", "Okay.", "I see.", "Uh-huh.");

    static final List<String> IVR_PROMPTS = List.of(
            "Thank you for calling {company}. Calls may be recorded for training and quality purposes.",
            "Welcome to {company}. For billing, press one. For technical support, press two. For orders, press three. For anything else, please hold.",
            "Thank you for calling {company}. We're experiencing a high volume of calls, please stay on the line and an advisor will be with you shortly.");
    static final List<String> VOICE_BOT_ASK = List.of(
            "In a few words, please tell me why you're calling today.",
            "Please briefly describe what you're calling about.");
    static final List<String> VOICE_BOT_CONNECT = List.of(
            "Thanks. I'm connecting you to the {queueName} team now.",
            "Okay. Please hold while I find an advisor.");

    static final String PRE_CHAT_FORM =
            "Pre-chat form\nName: {name}\nEmail: {email}\nTopic: {queueTitle}\nQuestion: \"{problemSentence}\"";
    static final List<String> CHAT_BOT_HELLO = List.of(
            "Hi! I'm Sparky, {company}'s virtual assistant. What can I help you with today?",
            "Hello, I'm the {company} assistant. Ask me anything, or type \"agent\" to talk to a person.");
    static final List<String> CHAT_ASK_FOR_HUMAN = List.of("agent", "speak to a person please", "human", "I need a real person");
    static final List<String> CHAT_BOT_CONNECT = List.of(
            "No problem, I'm connecting you to one of the team. The current wait is about {waitMinutes} minutes.",
            "Okay, transferring you to an advisor now.");
    static final List<String> CHAT_JOINED = List.of("{agent} joined the chat", "Agent {agent} has joined the chat.");
    static final List<String> CHAT_CLOSED = List.of("{first} left the chat.", "Chat ended by customer.", "Chat closed due to inactivity.");

    // Greetings always contain a comma: the CSV "unquoted comma" bad row relies on it.
    static final List<String> VOICE_GREETINGS = List.of(
            "Thanks for calling {company}, you're speaking with {agent}, how can I help today?",
            "Good {partOfDay}, {company} {queueName}, {agent} speaking, how can I help?",
            "Hi there, you're through to {agent} at {company}, what can I do for you today?",
            "Good {partOfDay}, thanks for holding, my name's {agent}, how can I help?");
    static final List<String> CHAT_GREETINGS = List.of(
            "Hi {first}, thanks for waiting! My name is {agent}, how can I help today?",
            "Hello {first}, you're chatting with {agent} from the {queueName} team, I'm just reading through your question now.",
            "Hi, I'm {agent}, thanks for getting in touch. Let me take a look at that for you.");

    static final List<String> VOICE_OPENINGS = List.of(
            "Hi, yes, I'm calling because {problem}.",
            "Hello, yeah, I've got a problem, {problem}.",
            "Hiya, so basically {problem}.",
            "Yeah, hi, {problem}, and I really need it sorted today.");
    static final List<String> CHAT_OPENINGS = List.of("Hi, {problem}.", "hello, {problem}", "Hi there, {problem}. Can you help?");

    static final List<String> VOICE_REPEAT_MENTIONS = List.of(
            "This is the {nth} time I've called about this.",
            "I've already called about this {priorContacts} and nobody's sorted it.");
    static final List<String> CHAT_REPEAT_MENTIONS = List.of(
            "This is the {nth} time I've contacted you about this.",
            "I've already been in touch {priorContacts} about this.");
    static final List<String> UPSET = List.of(
            "Honestly, I'm fed up with it.", "I'm really not happy.", "It's just one thing after another with you lot.");
    static final List<String> ANGRY = List.of(
            "And I've been on hold for forty minutes just to get through.",
            "This is absolutely ridiculous.",
            "If it's not sorted today I'm leaving, simple as that.");

    static final List<Exchange> VOICE_VERIFY = List.of(
            new Exchange("I can look into that for you. Can I take your full name and the postcode on the account, please?",
                    "It's {name}, and the postcode's {postcode}."),
            new Exchange("Sure, before I go into the account, can you confirm your full name and date of birth for security?",
                    "{name}, and it's the {dob}."));
    static final List<Exchange> CHAT_VERIFY = List.of(
            new Exchange("Could you confirm the email address and postcode on the account, please?", "{email}, postcode {postcode}"),
            new Exchange("Before I look at the account, can you confirm your full name and date of birth?", "{name}, {dob}"));
    static final List<String> VERIFIED = List.of("Thank you, {first}, that's all verified.", "Lovely, thanks {first}.", "Perfect, thank you.");
    static final List<Exchange> NO_ACCOUNT = List.of(
            new Exchange("Can I take your account number or the postcode on the account?",
                    "I don't actually have an account, it's in my mum's name, I'm just helping her out."),
            new Exchange("Are you the account holder?", "No, I'm calling for my dad, he's not very good with this kind of thing."),
            new Exchange("Could I take the email address you used when you signed up?",
                    "I'm not sure which email I used, to be honest, I've got a few."));
    static final List<String> NO_ACCOUNT_ACK = List.of(
            "That's okay, I can still give you some general help with that.",
            "No problem, I can't go into the account details, but I can explain what usually happens.");

    static final List<String> EMPATHY = List.of(
            "I understand how frustrating this is, and I want to help.",
            "I'm really sorry about this, that sounds stressful.",
            "I completely understand why you're upset, and I'm sorry.",
            "That's not the experience we want you to have, I'm sorry.");
    static final List<String> EMPATHY_REPEAT = List.of(
            "I'm so sorry you've had to contact us {totalContacts} about this.",
            "I'm so sorry you had to come back to us again, that shouldn't happen.");
    static final List<String> COLLABORATE = List.of(
            "Let's get this sorted for you.",
            "Let's see what we can do.",
            "We'll get to the bottom of it together.",
            "Let's work through it step by step.");

    static final List<String> REFLECT_FRAMES = List.of(
            "So what you're saying is {reflection}?",
            "Just so I've understood, {reflection}, is that right?",
            "So if I've got this right, {reflection}?");
    static final List<String> CONFIRM = List.of("Yes, exactly.", "That's right.", "Yeah, that's it.", "Pretty much, yeah.");

    static final List<String> FOLLOW_UPS = List.of(
            "Okay, and then what happened?", "Right. Is there anything else I should know?", "Okay, go on.");

    static final List<String> BLAME_CORRECTIONS = List.of(
            "No, that's not how it works, you should have read the terms before you signed.",
            "That's simply not our policy, it's all in the terms and conditions.");
    static final List<String> CONFIRM_CORRECTION = List.of("Oh, okay, I didn't know that.", "Right, fair enough.", "Okay, if you say so.");
    static final List<String> PUSHBACK = List.of(
            "That's not good enough, honestly.",
            "Why is this always so complicated with you lot?",
            "I've already explained all of this to the last person.",
            "So what are you actually going to do about it?");
    static final List<String> BLAME = List.of(
            "As I already explained, that's how the system works.",
            "Well, it's in the terms and conditions, you should have read the terms.",
            "There's nothing I can do about that, I'm afraid.",
            "That's not really our fault, to be honest.");
    static final List<String> SOOTHE = List.of(
            "I hear you, and I'm going to do everything I can.",
            "That's completely fair, let's see what we can do about it.",
            "I know, and I'm sorry, let me see what I can offer.");

    static final List<String> VOICE_HOLD = List.of(
            "Let me pull up the account, bear with me a moment.",
            "I'm just going to pop you on a brief hold while I check that, is that okay?",
            "Give me one moment while I look into this.");
    static final List<String> CHAT_HOLD = List.of(
            "Let me check that for you, one moment please.",
            "Bear with me while I look into this.");
    static final List<String> HOLD_ACK = List.of("Sure.", "Yeah, go ahead.", "Fine.", "No problem.");
    static final List<String> VOICE_HOLD_RETURN = List.of(
            "Thanks for holding, {first}.", "Sorry about the wait, thanks for bearing with me.", "Thanks for your patience.");
    static final List<String> CHAT_HOLD_RETURN = List.of("Thanks for waiting, {first}.", "Sorry for the wait!", "Okay, I've had a look.");

    static final List<String> ACCEPT = List.of("Okay, yeah, let's do that.", "That works for me.", "Fine, go ahead.", "Yes please, that would be great.");
    static final List<String> ACCEPT_ALTERNATIVE = List.of("Actually, the second option sounds better.", "Could we do the other one instead?");
    static final List<String> DONE = List.of("That's all done for you now.", "Okay, that's all set up.", "Right, that's gone through.");
    static final List<String> RECAP_FRAMES = List.of(
            "So just to recap, {recap}.", "Just to summarise, {recap}.", "So, to recap what we've done today, {recap}.");
    static final List<String> RECAP_ACK = List.of("Okay, great.", "Got it, thanks.", "Brilliant.");
    static final List<String> RESOLVED = List.of(
            "Great, that fixes it.", "Brilliant, thank you.", "Oh, that's a relief.", "Perfect, that's sorted then.");
    static final List<String> ANYTHING_ELSE = List.of("Is there anything else I can help with today?", "Was there anything else at all?");
    static final List<String> NOTHING_ELSE = List.of(
            "No, that's all I needed, thanks.", "No, that's everything, thanks for your help.", "That's it, thanks.");
    static final List<String> VOICE_CLOSINGS = List.of(
            "You're welcome, {first}. Thanks for calling {company}, have a lovely {partOfDay}.",
            "No problem at all, take care, bye now.",
            "Thanks for calling, {first}, have a good rest of your day.");
    static final List<String> CHAT_CLOSINGS = List.of(
            "You're welcome! Thanks for chatting with us, have a lovely {partOfDay}.",
            "Glad I could help, {first}. Take care!");
    static final List<String> BYE = List.of("Thanks, bye.", "Cheers, bye.", "Bye now.");

    static final List<String> VOICE_CALLBACK = List.of(
            "Forget it, I'll call back when I've got the paperwork in front of me.",
            "I'll call back later, I haven't got time for this now.");
    static final List<String> CHAT_CALLBACK = List.of("Forget it, I'll ring you instead.", "I'll try again later.");
    static final List<String> CALLBACK_ACK = List.of(
            "Okay, I'm sorry we couldn't sort it today. Your reference is {ref} if you get back in touch.");
    /** Added after a non-technical scenario's own complaint; technical ones already say it is still not working. */
    static final List<String> STILL_BROKEN = List.of("This still isn't sorted.", "That doesn't fix anything for me.");
    static final List<String> ESCALATE = List.of(
            "I'm sorry, I'll escalate this and someone will contact you within forty-eight hours. Your reference is {ref}.");
    static final List<String> ASK_MANAGER = List.of(
            "I want to speak to a manager.", "Can I speak to your manager, please? I'm not getting anywhere.");
    static final List<String> VOICE_TO_MANAGER = List.of("Okay, I'll transfer you to my team leader now, please hold.");
    static final List<String> CHAT_TO_MANAGER = List.of("Okay, I'll pass this to my team leader, they'll pick it up here shortly.");
    static final List<String> VOICE_TRANSFER = List.of(
            "This is actually something our {otherQueue} team needs to handle, so I'm going to transfer you, please stay on the line.");
    static final List<String> CHAT_TRANSFER = List.of(
            "This one needs our {otherQueue} team, so I'm transferring the chat over to them now.");
    static final List<String> TRANSFER_ACK = List.of("Fine, whatever.", "Okay, thanks.", "Right.");
    static final String VOICE_TRANSFERRED = "Call transferred to {target}.";
    static final String CHAT_TRANSFERRED = "Chat transferred to {target}.";
    static final String TEAM_LEADER = "team leader";

    static final List<Filler> FILLERS = List.of(
            new Filler(new Exchange("Can you hear me okay? The line's a bit crackly.", "Yeah, I can hear you now."), true, false),
            new Filler(new Exchange("Sorry, you broke up a little there, could you say that again?",
                    "Sorry, I said I've been trying to get this sorted for days."), true, false),
            new Filler(new Exchange("Is this still the best number to reach you on?", "Yes, that's my mobile."), false, true),
            new Filler(new Exchange("And is the email address on the account still {email}?", "Yep, that's the one."), false, true),
            new Filler(new Exchange("Bear with me, the system's being a bit slow today.", "No worries."), false, false),
            new Filler(new Exchange("How long have you been with us now, {first}?", "Oh, about six years now, I think."), false, true),
            new Filler(new Exchange("I'm making notes as we go, so you won't have to repeat any of this if you get in touch again.",
                    "Okay, thank you, that helps."), false, false),
            new Filler(new Exchange("Would you like a summary of this sent by text afterwards?", "Yes please, that'd be helpful."), false, true),
            new Filler(new Exchange("Can I just check, is the account in your name only?", "Yes, it's just me."), false, true),
            new Filler(new Exchange("Do you mind if I ask a couple more questions so I've got the full picture?", "No, go ahead."), false, false),
            new Filler(new Exchange("Has anything changed at your end recently?", "Not that I can think of, no."), false, false),
            new Filler(new Exchange("And when's a good time to contact you, if we need to?", "Any time after five, really."), false, false),
            new Filler(new Exchange("Are you happy for me to add a note about this to the account?", "Yes, please do."), false, true),
            new Filler(new Exchange("Sorry, what was the last part of that?", "I said I've already tried everything on the website."), true, false));

    static final List<String> EMAIL_HELLO = List.of("Hi,", "Hello,", "Dear {company},", "To whom it may concern,", "Hi there,");
    static final List<String> EMAIL_OPENINGS = List.of(
            "I'm writing because {problem}.",
            "I'm emailing about a problem with my account: {problem}.",
            "I hope someone can help, {problem}.");
    static final List<String> EMAIL_REQUESTS = List.of(
            "Please can someone look into this and get back to me.",
            "I'd appreciate a reply as soon as possible.",
            "Can you let me know what you're going to do about it?");
    static final List<String> EMAIL_SIGNOFFS = List.of("Thanks,", "Regards,", "Many thanks,", "Kind regards,", "Cheers,");
    static final List<String> EMAIL_CHASERS = List.of(
            "I still haven't heard anything back about my email below. Can someone please reply?",
            "I'm chasing my email from yesterday, as I haven't had a response yet.");
    static final List<String> EMAIL_ASK_DETAILS = List.of(
            "So that I can look into this, could you please confirm a few details?",
            "Before I can go any further, I just need a couple of details from you.");
    static final List<String> EMAIL_ANSWER_INTROS = List.of("Thanks for getting back to me.", "Here are the details you asked for.");
    static final List<String> EMAIL_AGENT_THANKS = List.of("Thank you for your email.", "Thanks for getting in touch.");
    static final List<String> EMAIL_AGENT_LATE = List.of(
            "Thank you for your email, and sorry for the delay in getting back to you.",
            "Thanks for your patience while I looked into this.");
    static final List<String> EMAIL_BLAME = List.of(
            "Please note this is all covered in the terms and conditions you agreed to, so you should have read the terms.",
            "As I already explained, there's nothing I can do about how the system applies this.");
    static final String EMAIL_TRANSFER =
            "I've passed your email to our {otherQueue} team, who deal with this directly and will reply to you within two working days.";
    static final List<String> EMAIL_RESOLVED = List.of(
            "Thanks, that's all I needed.", "Great, that's sorted it, thank you for your help.", "Perfect, thanks for sorting this out so quickly.");
    static final List<String> EMAIL_UNRESOLVED = List.of(
            "This is still not resolved. I want to speak to a manager.",
            "This is still not working, so I'll call you instead, as email is getting nowhere.",
            "I'm not happy with this response and I'd like it escalated to a manager, please.");
}
