"""Hand-written fragments for the corpus: life problems (client lines + slot fillers) and trainee templates.

Slots: {p} the person involved, {o}/{s} their pronouns, {f} a feeling, {sit} the situation, {act} an action
(imperative), {acting} the same as a gerund, {q} a few of the client's words, {cause} a cause the client
never named, {did} something the client did, {val} something they value, {topic} a short topic.
"""

PROBLEMS = [
    {"client": ["My manager keeps dumping extra work on me and I just can't say no.", "I'm working till ten most nights and I still feel behind. What should I do?", "Work is relentless at the moment, honestly I'm drowning."],
     "p": "your manager", "o": "him", "s": "he", "f": ["overwhelmed", "exhausted", "trapped"], "sit": "the workload", "act": ["tell your manager you're at capacity", "block out time for yourself", "say no to the next project"], "acting": ["saying no to extra work", "talking to HR", "setting a hard finish time"], "q": ["can't say no", "drowning", "still behind"], "cause": ["a need to please everyone", "your fear of being seen as lazy", "how your dad pushed you"], "did": ["kept every deadline despite it all", "stayed late to protect your team"], "val": ["doing a good job", "being reliable"], "topic": "work"},
    {"client": ["My girlfriend left me last week, out of nowhere.", "She ended it after four years and I keep checking her Instagram.", "I can't stop thinking about the breakup, is that normal?"],
     "p": "your ex", "o": "her", "s": "she", "f": ["heartbroken", "lost", "blindsided"], "sit": "the breakup", "act": ["delete her number", "unfollow her for a while", "go out with your mates this weekend"], "acting": ["unfollowing her", "getting out of the house", "keeping busy"], "q": ["out of nowhere", "keep checking", "four years"], "cause": ["your fear of being alone", "your insecurity", "what happened with your parents' divorce"], "did": ["let her go with dignity", "been honest about how much it hurts"], "val": ["loyalty", "being close to someone"], "topic": "the relationship"},
    {"client": ["My mum died in March and I still can't go into her room.", "Everyone says I should be over it by now but I'm not.", "I keep picking up the phone to ring my mother and then remembering."],
     "p": "your mum", "o": "her", "s": "she", "f": ["heartbroken", "lost", "empty"], "sit": "losing your mum", "act": ["make a memory box", "visit her grave", "join a bereavement group"], "acting": ["writing her a letter", "joining a bereavement group", "sorting her things bit by bit"], "q": ["can't go into her room", "over it by now", "picking up the phone"], "cause": ["unresolved guilt", "your fear of moving on", "the fact you never said goodbye"], "did": ["cared for her right to the end", "kept the family together"], "val": ["family", "being there for her"], "topic": "grief"},
    {"client": ["My exams start in two weeks and I haven't revised anything.", "I just freeze when I open my books.", "If I fail these my parents will kill me."],
     "p": "your parents", "o": "them", "s": "they", "f": ["panicked", "frozen", "under pressure"], "sit": "the exams", "act": ["make a revision timetable", "start with one subject a day", "ask your teacher for help"], "acting": ["using a revision timetable", "studying with a friend", "breaking it into chunks"], "q": ["freeze", "haven't revised anything", "my parents will kill me"], "cause": ["perfectionism", "your fear of disappointing your parents", "low self-esteem"], "did": ["got yourself to every class", "kept going even when it felt pointless"], "val": ["doing well", "making your parents proud"], "topic": "exams"},
    {"client": ["My best friend didn't invite me to her wedding.", "I found out from Facebook that Jess got married.", "I thought we were close, I don't get it."],
     "p": "your friend", "o": "her", "s": "she", "f": ["hurt", "left out", "confused"], "sit": "the wedding", "act": ["message her and ask why", "let her go", "focus on the friends who show up"], "acting": ["asking her directly", "writing to her", "moving on"], "q": ["thought we were close", "found out from Facebook", "don't get it"], "cause": ["your fear of rejection", "old school stuff", "your jealousy"], "did": ["stayed kind about it", "tried to understand her side"], "val": ["friendship", "honesty"], "topic": "the friendship"},
    {"client": ["My sister and I haven't spoken since the row at Christmas.", "She said some awful things about my kids.", "Part of me wants to call her and part of me never wants to see her again."],
     "p": "your sister", "o": "her", "s": "she", "f": ["angry", "hurt", "torn"], "sit": "the row at Christmas", "act": ["call her and clear the air", "write her a letter", "wait for her to make the first move"], "acting": ["calling her", "writing to her", "meeting for a coffee"], "q": ["awful things about my kids", "never wants to see her again", "haven't spoken"], "cause": ["sibling rivalry from childhood", "how your mother favoured her", "your own guilt"], "did": ["stood up for your kids", "kept the door open"], "val": ["protecting your children", "family"], "topic": "your sister"},
    {"client": ["We're behind on rent and the letters keep coming.", "I've got about four grand on credit cards and I'm scared to open my bank app.", "I don't know how we're going to get through the month."],
     "p": "your landlord", "o": "him", "s": "he", "f": ["scared", "ashamed", "panicky"], "sit": "the debt", "act": ["call the bank and ask for a payment plan", "open the letters together with someone", "make a budget"], "acting": ["speaking to a debt charity", "making a budget", "opening the letters"], "q": ["scared to open my bank app", "letters keep coming", "get through the month"], "cause": ["shame about money from your childhood", "avoidance", "your dad's gambling"], "did": ["kept the kids fed", "faced it today by saying it out loud"], "val": ["providing for your family", "being independent"], "topic": "money"},
    {"client": ["The baby wakes every two hours and I'm falling apart.", "I love her but some days I feel nothing.", "My husband sleeps through it and I could scream."],
     "p": "your husband", "o": "him", "s": "he", "f": ["exhausted", "numb", "resentful"], "sit": "the nights", "act": ["ask your husband to take a night feed", "sleep when the baby sleeps", "get your mum to come and help"], "acting": ["sharing the night feeds", "napping in the day", "asking for help"], "q": ["falling apart", "feel nothing", "could scream"], "cause": ["postnatal depression", "resentment of your husband", "your own mother's coldness"], "did": ["kept going night after night", "looked after her so carefully"], "val": ["being a good mum", "fairness"], "topic": "the baby"},
    {"client": ["Dad's dementia is getting worse and I'm the only one who helps.", "He didn't recognise me yesterday.", "My brothers just don't show up."],
     "p": "your dad", "o": "him", "s": "he", "f": ["alone", "worn down", "grieving"], "sit": "caring for your dad", "act": ["look into respite care", "tell your brothers they have to help", "get a carer's assessment"], "acting": ["getting respite care", "asking your brothers for a rota", "joining a carers group"], "q": ["the only one", "didn't recognise me", "don't show up"], "cause": ["being the eldest", "needing his approval", "guilt"], "did": ["been there for him every day", "held it all together"], "val": ["duty", "looking after your dad"], "topic": "your dad"},
    {"client": ["I got made redundant on Friday.", "Twenty years at that firm and they walked me out with a box.", "I'm fifty-three, who's going to hire me now?"],
     "p": "your old boss", "o": "them", "s": "they", "f": ["humiliated", "scared", "angry"], "sit": "the redundancy", "act": ["update your CV this week", "sign up with an agency", "take a few weeks off first"], "acting": ["networking", "retraining", "applying for jobs"], "q": ["walked me out with a box", "who's going to hire me", "twenty years"], "cause": ["your identity being tied to work", "your fear of getting old", "your pride"], "did": ["gave that firm twenty years", "kept your dignity on the way out"], "val": ["work", "providing"], "topic": "the job"},
    {"client": ["I moved here for the job and I don't know a single person.", "Weekends are the worst, I don't talk to anyone from Friday to Monday.", "I'm so lonely I've started talking to the cat."],
     "p": "your colleagues", "o": "them", "s": "they", "f": ["lonely", "isolated", "invisible"], "sit": "the move", "act": ["join a club", "say yes to after-work drinks", "try a volunteering group"], "acting": ["joining a running club", "using a friendship app", "volunteering"], "q": ["don't know a single person", "Friday to Monday", "talking to the cat"], "cause": ["shyness from childhood", "your fear of rejection", "running away from home"], "did": ["took a big leap moving here", "kept going to work every day"], "val": ["connection", "independence"], "topic": "being new here"},
    {"client": ["The girls at school keep posting stuff about me.", "They made a group chat just to laugh at me.", "I don't want to go in tomorrow."],
     "p": "the girls at school", "o": "them", "s": "they", "f": ["humiliated", "scared", "alone"], "sit": "the group chat", "act": ["screenshot everything and show a teacher", "block them", "tell your mum tonight"], "acting": ["telling a teacher", "blocking them", "reporting the chat"], "q": ["laugh at me", "don't want to go in", "posting stuff"], "cause": ["jealousy", "your low self-esteem", "wanting to fit in"], "did": ["kept going to school anyway", "told someone about it"], "val": ["being accepted", "fairness"], "topic": "school"},
    {"client": ["We've been trying for a baby for three years.", "Another negative test this morning.", "Every time a friend announces a pregnancy I want to hide."],
     "p": "your partner", "o": "him", "s": "he", "f": ["devastated", "jealous", "hopeless"], "sit": "the trying", "act": ["take a break from trying", "look into IVF", "mute friends' announcements"], "acting": ["taking a break", "seeing a fertility specialist", "talking to other couples"], "q": ["another negative test", "want to hide", "three years"], "cause": ["grief for the life you imagined", "your fear of being a failure as a woman", "guilt"], "did": ["kept hoping through three years", "supported your partner through it"], "val": ["family", "hope"], "topic": "the baby"},
    {"client": ["My husband's drinking is getting worse.", "He says he's fine but there are bottles hidden in the garage.", "I'm scared to say anything in case he explodes."],
     "p": "your husband", "o": "him", "s": "he", "f": ["scared", "walking on eggshells", "alone"], "sit": "his drinking", "act": ["go to Al-Anon", "tell him how it affects you", "pour the bottles away"], "acting": ["going to a family support group", "setting a boundary", "talking to his doctor"], "q": ["bottles hidden in the garage", "scared to say anything", "he explodes"], "cause": ["codependency", "growing up with an alcoholic dad", "fear of being alone"], "did": ["kept the family safe", "noticed it and named it"], "val": ["safety", "your marriage"], "topic": "the drinking"},
    {"client": ["My son's fifteen and he barely speaks to me now.", "He's in his room all day on the Xbox.", "I feel like I've lost him."],
     "p": "your son", "o": "him", "s": "he", "f": ["shut out", "sad", "worried"], "sit": "your son pulling away", "act": ["take away the Xbox", "plan a day out just the two of you", "knock and sit with him"], "acting": ["doing something together", "setting screen limits", "talking to his school"], "q": ["barely speaks to me", "lost him", "in his room all day"], "cause": ["the divorce", "normal teenage stuff", "your overprotectiveness"], "did": ["kept trying to reach him", "noticed the change early"], "val": ["being close to him", "being a good dad"], "topic": "your son"},
    {"client": ["The divorce is final next month.", "He's got a new girlfriend already and the kids like her.", "I feel like a failure."],
     "p": "your ex-husband", "o": "him", "s": "he", "f": ["like a failure", "replaced", "bitter"], "sit": "the divorce", "act": ["get a good solicitor", "focus on yourself", "start dating again"], "acting": ["seeing a solicitor", "doing something for yourself", "co-parenting with a plan"], "q": ["feel like a failure", "the kids like her", "final next month"], "cause": ["your fear of abandonment", "low self-worth", "your parents' marriage"], "did": ["kept things calm for the kids", "got through the hardest year"], "val": ["your children", "commitment"], "topic": "the divorce"},
    {"client": ["They found a lump and I'm waiting for the biopsy results.", "I can't concentrate on anything, I just google symptoms all night.", "What if it's cancer?"],
     "p": "your doctor", "o": "them", "s": "they", "f": ["terrified", "on edge", "numb"], "sit": "the waiting", "act": ["stop googling", "ask the clinic when the results are due", "take someone with you to the appointment"], "acting": ["staying off google", "distracting yourself", "phoning the clinic"], "q": ["what if it's cancer", "google symptoms all night", "can't concentrate"], "cause": ["health anxiety", "what happened to your aunt", "control issues"], "did": ["went to the doctor straight away", "kept working through the fear"], "val": ["your health", "your family"], "topic": "the biopsy"},
    {"client": ["I have to give a presentation on Thursday and I'm dreading it.", "Last time my voice shook and everyone saw.", "I'd rather quit than stand up there again."],
     "p": "your team", "o": "them", "s": "they", "f": ["dreading it", "exposed", "anxious"], "sit": "the presentation", "act": ["practise it in front of a friend", "do some breathing exercises beforehand", "ask to do it with a colleague"], "acting": ["practising out loud", "breathing slowly", "using notes"], "q": ["my voice shook", "rather quit", "everyone saw"], "cause": ["social anxiety", "perfectionism", "your critical father"], "did": ["got through the last one", "kept your job despite the nerves"], "val": ["doing well at work", "being respected"], "topic": "the presentation"},
    {"client": ["I haven't slept properly in months.", "I lie there at 3am going over everything I said that day.", "I'm so tired I cried at a parking ticket."],
     "p": "your GP", "o": "them", "s": "they", "f": ["exhausted", "wired", "fragile"], "sit": "the sleep", "act": ["cut out caffeine after lunch", "keep your phone out of the bedroom", "see your GP about it"], "acting": ["a wind-down routine", "cutting caffeine", "seeing your GP"], "q": ["going over everything", "cried at a parking ticket", "3am"], "cause": ["anxiety", "unprocessed stress at work", "guilt"], "did": ["kept functioning on almost no sleep", "noticed the pattern"], "val": ["rest", "getting it right"], "topic": "sleep"},
    {"client": ["I'm thinking of dropping out of uni.", "I hate my course but my dad paid for everything.", "Everyone else seems to know what they're doing."],
     "p": "your dad", "o": "him", "s": "he", "f": ["stuck", "guilty", "lost"], "sit": "the course", "act": ["talk to your tutor before deciding", "switch courses", "take a year out"], "acting": ["changing course", "taking a gap year", "talking to student services"], "q": ["hate my course", "my dad paid for everything", "know what they're doing"], "cause": ["your need for your dad's approval", "imposter syndrome", "fear of failure"], "did": ["stuck it out for a whole year", "been honest about it"], "val": ["doing something meaningful", "not letting your dad down"], "topic": "uni"},
    {"client": ["We had to put our dog down on Saturday.", "People keep saying it was just a dog.", "The house is so quiet without him."],
     "p": "your family", "o": "them", "s": "they", "f": ["heartbroken", "dismissed", "empty"], "sit": "losing your dog", "act": ["get another dog when you're ready", "make a photo book of him", "plant something in his memory"], "acting": ["making a photo book", "getting a puppy", "walking his old route"], "q": ["just a dog", "so quiet", "put our dog down"], "cause": ["unresolved grief for your gran", "guilt about the decision", "loneliness"], "did": ["gave him a good life", "made the hardest decision for him"], "val": ["loyalty", "your dog"], "topic": "the dog"},
    {"client": ["I want to tell my parents I'm gay but I'm terrified.", "My dad makes jokes about gay people at dinner.", "I'm scared they'll kick me out."],
     "p": "your parents", "o": "them", "s": "they", "f": ["terrified", "hidden", "torn"], "sit": "coming out", "act": ["tell your mum first", "wait until you've moved out", "write them a letter"], "acting": ["telling one of them first", "writing a letter", "waiting until you're independent"], "q": ["kick me out", "makes jokes", "terrified"], "cause": ["internalised shame", "your dad's issues", "fear of rejection"], "did": ["been so honest with yourself", "kept yourself safe"], "val": ["being yourself", "your family"], "topic": "coming out"},
    {"client": ["I started the new job a month ago and I feel like a fraud.", "Any day now they're going to realize I don't know what I'm doing.", "I stay up checking my emails so I don't miss anything."],
     "p": "your new boss", "o": "her", "s": "she", "f": ["like a fraud", "on edge", "anxious"], "sit": "the new job", "act": ["ask your boss for feedback", "write down what you've achieved", "log off at six"], "acting": ["asking for feedback", "keeping a wins list", "logging off on time"], "q": ["feel like a fraud", "don't know what I'm doing", "checking my emails"], "cause": ["imposter syndrome", "perfectionism", "your upbringing"], "did": ["got the job in the first place", "worked so hard this month"], "val": ["competence", "being trusted"], "topic": "the job"},
    {"client": ["Since I retired I don't know what to do with myself.", "The days are so long.", "My wife says I'm under her feet all day."],
     "p": "your wife", "o": "her", "s": "she", "f": ["aimless", "useless", "restless"], "sit": "retirement", "act": ["take up a hobby", "volunteer somewhere", "join the U3A"], "acting": ["volunteering", "a new hobby", "joining a men's shed"], "q": ["don't know what to do with myself", "so long", "under her feet"], "cause": ["your identity being tied to work", "fear of getting old", "depression"], "did": ["worked hard for forty years", "noticed you need something new"], "val": ["being useful", "purpose"], "topic": "retirement"},
    {"client": ["My mother is taking over the whole wedding.", "She's invited forty people I've never met.", "When I push back she cries and I end up apologising."],
     "p": "your mother", "o": "her", "s": "she", "f": ["steamrollered", "guilty", "angry"], "sit": "the wedding plans", "act": ["set clear limits with her", "let your fiance deal with her", "elope"], "acting": ["setting limits", "giving her one job", "having a calm talk"], "q": ["taking over", "she cries", "end up apologising"], "cause": ["your fear of her disapproval", "enmeshment", "childhood guilt"], "did": ["pushed back", "kept the peace so far"], "val": ["your own day", "keeping the peace"], "topic": "the wedding"},
    {"client": ["I lost the baby at eleven weeks.", "Nobody knew I was pregnant so nobody knows I'm grieving.", "I went back to work two days later like nothing happened."],
     "p": "your partner", "o": "him", "s": "he", "f": ["grieving", "invisible", "empty"], "sit": "the miscarriage", "act": ["take some time off", "tell a close friend", "see your GP"], "acting": ["taking time off", "telling someone", "a miscarriage support group"], "q": ["nobody knows I'm grieving", "like nothing happened", "eleven weeks"], "cause": ["your fear of being a burden", "guilt", "unprocessed trauma"], "did": ["kept going at work", "come here and said it"], "val": ["your baby", "privacy"], "topic": "the baby"},
    {"client": ["I found messages on his phone, he's been seeing someone.", "He says it meant nothing.", "I don't know if I can ever trust him again."],
     "p": "your husband", "o": "him", "s": "he", "f": ["betrayed", "humiliated", "confused"], "sit": "the affair", "act": ["ask him to move out for a while", "try couples counselling", "leave him"], "acting": ["couples counselling", "some time apart", "talking to a solicitor"], "q": ["meant nothing", "trust him again", "seeing someone"], "cause": ["your fear of abandonment", "low self-worth", "what your father did"], "did": ["faced the truth", "stayed calm for the kids"], "val": ["trust", "your marriage"], "topic": "the marriage"},
    {"client": ["My flatmate never cleans and eats my food.", "I've left notes but she ignores them.", "I dread going home."],
     "p": "your flatmate", "o": "her", "s": "she", "f": ["fed up", "disrespected", "tense"], "sit": "the flat", "act": ["sit down with her and agree a rota", "label your food", "look for a new flat"], "acting": ["a cleaning rota", "moving out", "talking face to face"], "q": ["dread going home", "ignores them", "eats my food"], "cause": ["conflict avoidance", "people-pleasing", "your upbringing"], "did": ["tried to sort it politely", "kept your cool"], "val": ["fairness", "a calm home"], "topic": "the flat"},
    {"client": ["Since the crash I can't get in a car without shaking.", "I keep seeing the lorry coming at us.", "I've been taking the bus for an hour instead of driving ten minutes."],
     "p": "the other driver", "o": "him", "s": "he", "f": ["shaken", "frightened", "on edge"], "sit": "the crash", "act": ["start with short drives", "get some driving lessons", "see someone about PTSD"], "acting": ["short drives", "refresher lessons", "trauma therapy"], "q": ["can't get in a car", "keep seeing the lorry", "taking the bus"], "cause": ["PTSD", "survivor guilt", "control issues"], "did": ["kept getting to work anyway", "survived something really frightening"], "val": ["safety", "independence"], "topic": "driving"},
    {"client": ["I lost the rent money on the slots again.", "I tell myself it's the last time every time.", "My partner doesn't know how bad it is."],
     "p": "your partner", "o": "her", "s": "she", "f": ["ashamed", "out of control", "desperate"], "sit": "the gambling", "act": ["self-exclude from the bookies", "tell your partner", "call GamCare"], "acting": ["self-excluding", "telling your partner", "a support group"], "q": ["last time every time", "doesn't know how bad it is", "again"], "cause": ["an addictive personality", "your dad's gambling", "escaping feelings"], "did": ["told me the truth about it", "tried to stop"], "val": ["honesty", "your family"], "topic": "the gambling"},
    {"client": ["Everything's pointless lately, I can't be bothered with anything.", "I used to love football and now I don't even watch it.", "I just sleep and scroll."],
     "p": "your friends", "o": "them", "s": "they", "f": ["flat", "empty", "low"], "sit": "feeling low", "act": ["get outside every day", "ring a mate", "go back to football training"], "acting": ["getting outside", "seeing your GP", "exercising"], "q": ["can't be bothered", "sleep and scroll", "used to love football"], "cause": ["depression", "burnout", "unresolved grief"], "did": ["got yourself here today", "kept going to work"], "val": ["football", "your friends"], "topic": "feeling low"},
    {"client": ["My partner checks my phone every night.", "If I'm late home he goes silent for days.", "Maybe I'm overreacting, he says he just worries."],
     "p": "your partner", "o": "him", "s": "he", "f": ["controlled", "unsure", "anxious"], "sit": "the checking", "act": ["talk to a domestic abuse helpline", "set a boundary about your phone", "stay with a friend for a bit"], "acting": ["calling a helpline", "setting a boundary", "talking to a friend"], "q": ["checks my phone", "goes silent for days", "overreacting"], "cause": ["low self-esteem", "your parents' relationship", "fear of conflict"], "did": ["noticed something isn't right", "said it out loud here"], "val": ["freedom", "the relationship"], "topic": "the relationship"},
    {"client": ["I'm 34 and all my friends are married with kids.", "My mum keeps asking when I'll settle down.", "I'm starting to think something's wrong with me."],
     "p": "your mum", "o": "her", "s": "she", "f": ["behind", "judged", "lonely"], "sit": "being single", "act": ["try a dating app", "tell your mum to back off", "focus on your career"], "acting": ["online dating", "speed dating", "setting limits with your mum"], "q": ["something's wrong with me", "settle down", "all my friends are married"], "cause": ["your fear of commitment", "your parents' divorce", "low self-esteem"], "did": ["built a life on your own terms", "kept your standards"], "val": ["love", "independence"], "topic": "dating"},
]

# Sentences that may come before a main act without changing its label (the corpus needs multi-sentence turns).
_SYMPATHY = ["I'm so sorry.", "That sounds really hard.", "Oh no, I'm sorry to hear that.", "That must be awful.", "Gosh, that's a lot.",
             "I'm really sorry you're going through {sit}.", "That sounds so painful.", "Thank you for telling me.", "I hear you."]
_REFLECT = ["It sounds like you're feeling {f}.", "You sound {f}.", "So {sit} has really taken its toll.", "You're feeling {f}.",
            "I can hear how {f} you are."]
PREFIXES = {
    "advice": _SYMPATHY + _REFLECT + ["I totally get it, I've been there.", "That's tough."],
    "interpretation": _SYMPATHY + ["I've been listening to all this."],
    "reassurance": _SYMPATHY + ["Aw.", "Honestly,"],
    "open_question": _SYMPATHY + _REFLECT,
    "closed_question": _SYMPATHY,
    "reflection": ["I'm sorry.", "Mm.", "Thank you for sharing that.", "Okay."],
    "affirmation": ["Wow.", "Thank you for telling me that."],
    "information": ["Okay.", "That's a really good question."],
}

TEMPLATES = {
    "advice": [
        "You should {act}.", "Maybe {act}?", "Have you tried {acting}?", "Have you thought about {acting}?", "Why don't you {act}?",
        "What if you {act}?", "How about {acting}?", "I'd suggest you {act}.", "Try {acting}.", "It might help to {act}.",
        "It could be worth {acting}.", "One thing a lot of people find useful is {acting}.", "Give yourself a break and {act}.",
        "If I were you I'd {act}.", "You need to {act}, honestly.", "Just {act}.", "Could you {act}?", "Have you considered {acting}?",
        "My advice would be to {act}.", "The best thing you can do right now is {act}.", "Perhaps you could {act}.",
        "Do you think it would help to {act}?", "Wouldn't it be better to {act}?", "Don't you think you should {act}?",
        "Is there any way you could {act}?", "Did you try {acting}?", "You might want to {act}.", "Make sure you {act}.",
        "I think {acting} would really help.", "Something that worked for me was {acting}.", "Have a go at {acting} this week.",
        "Try not to dwell on it, just {act}.", "I know it's hard but you have to {act}.", "You could always {act}.",
        "I would recommend {acting}.", "Why not {act}?", "It's worth {acting}, even just once.", "Perhaps start by {acting}.",
        "Have you spoken to {p} about it? You could {act}.", "It sounds like you're {f}. Maybe it's time to {act}.",
        "I understand how hard that is. I think you should {act}.", "Next time, {act}.",
        "A good first step would be {acting}. What do you think?", "Some people find {acting} helps. Give it a try.",
        "You know what, {act}. You deserve it.", "Write down three things you could do about {sit}.", "Talk to {p}.",
        "Don't be so hard on yourself, {act}.", "Take some time for yourself and {act}.", "Reach out to someone you trust about {sit}.",
        "Would you consider {acting}?", "Can you {act}?", "Let {o} know how you feel.", "Stop {acting} for a while and see what happens.",
        "Go easy on yourself this week and {act}.", "Try to {act}, even if it feels awkward.", "There are some great apps and support groups for {topic}, look them up.",
        "Honestly the answer is to {act}.", "In my experience {acting} always helps.", "Set yourself a small goal around {sit}, like {acting}.",
    ],
    "interpretation": [
        "That's really about {cause}.", "It's {cause}, plain and simple.", "You only feel this way because of {cause}.",
        "This is all coming from {cause}.", "Deep down this is about {cause}.", "The real issue here is {cause}.",
        "You're {f} because of {cause}.", "It's obvious that this goes back to {cause}.", "What's really going on is {cause}.",
        "That's {cause} talking.", "Clearly this is {cause}.", "You're projecting your feelings about {cause} onto {p}.",
        "The reason you can't move on is {cause}.", "That's why you keep going back to {q}, it's {cause}.",
        "You're not really upset about {sit}, you're upset about {cause}.", "This has everything to do with {cause}.",
        "Honestly it sounds like classic {cause}.", "You're in denial about {sit}.", "You're avoiding {sit} because of {cause}.",
        "It stems from {cause}.", "You keep saying '{q}' because of {cause}.", "{p} is just projecting onto you.",
        "Basically you're punishing yourself for {sit}.", "You're obviously scared of failing.", "That's just your insecurity.",
        "Your reaction to {sit} is really about {cause}.", "This pattern comes from {cause}, I can see it clearly.",
        "You want {p}'s approval, that's what this is.", "It's a defence mechanism.", "You're sabotaging yourself because of {cause}.",
        "You feel {f} because of {cause}, that's all it is.", "The problem isn't {sit}, it's {cause}.",
        "I think the truth is you're scared of {topic}, and that's why you feel {f}.", "What you're describing is {cause}.",
        "You're clearly still angry at {p}.", "It's because you never dealt with {cause}.", "Sounds like textbook {cause} to me.",
        "That's your {cause} coming out, nothing more.", "Being {f} like this is a sign of {cause}.", "Your whole reaction is rooted in {cause}.",
        "The fact that you said '{q}' tells me it's really about {cause}.", "{p} isn't the problem, {cause} is.",
        "You're {f} because you haven't let go of {cause}.", "All of this is a reaction to {cause}.", "That's because of {cause}.",
    ],
    "reassurance": [
        "You'll be fine.", "Don't worry, it'll all work out.", "I'm sure {p} didn't mean it.", "Everyone feels like that sometimes.",
        "It's completely normal, honestly.", "You're strong, you'll get through this.", "It's not your fault.", "Things will get better.",
        "Try not to worry about {sit}.", "I'm sure it'll be okay.", "At least you still have your health.", "It could be a lot worse.",
        "You've got this!", "Don't beat yourself up about it.", "It'll all be fine in the end.", "You're not alone, lots of people go through {topic}.",
        "I'm sure everything will turn out fine.", "Time heals, it will get easier.", "It happens to everyone, it's nothing to be ashamed of.",
        "Look on the bright side, you'll learn from this.", "I know you can handle it.", "Don't be so worried, it's not that bad.",
        "Everything happens for a reason.", "{p} will come round, I'm sure.", "You'll find a way through {sit}, you always do.",
        "Stay positive, it'll work out.", "It's just a phase, it'll pass.", "You're a good person, it'll all sort itself out.",
        "There's no need to feel {f}.", "I'm certain you'll be okay.", "You're going to be absolutely fine.", "It's nothing to worry about.",
        "I bet {p} still cares about you.", "You'll look back on this and laugh.", "Don't stress, you'll sort it.",
        "Chin up, things always look better in the morning.", "Honestly don't worry, you'll feel better soon.",
        "I'm sure you did everything you could, so don't feel bad.", "It's totally normal to feel {f}, everyone does, so don't worry.",
        "Surely it's not as bad as it seems?", "It will all be okay, I promise.", "You're doing great, you'll get there.",
        "{p} loves you, I'm sure of it.", "Just think positive and it'll be fine.", "Nobody will even remember {sit} in a month.",
    ],
    "open_question": [
        "What's that been like for you?", "How are you feeling about {sit} right now?", "Can you tell me more about {sit}?",
        "What goes through your mind when you think about {topic}?", "Say more about '{q}'.", "What's the hardest part of {sit}?",
        "How has {sit} been affecting you day to day?", "What did you make of that?", "What would you like to happen with {p}?",
        "Tell me more about {topic}.", "How do you make sense of it?", "What comes up for you when you say '{q}'?",
        "I wonder what it's like to carry {sit} on your own?", "What's it like at home at the moment?", "How did you feel when {s} said that?",
        "What do you need most right now?", "Help me understand what '{q}' means for you.", "What happened next?",
        "What's the worst part of it for you?", "How does {sit} show up for you during the day?", "What matters most to you in all this?",
        "What was going through your head at the time?", "Could you walk me through a typical day?", "What does '{q}' feel like?",
        "I'm curious what you've noticed about yourself since {sit}.", "Where do you feel it in your body?",
        "How have you been coping with {sit} so far?", "What would be different if {sit} eased a little?", "When you say '{q}', what do you mean?",
        "What do you think {p} would say if they knew?", "How are things between you and {p} now?", "Why do you think that hit you so hard?",
        "What else is going on for you?", "What do you wish {p} understood?", "How do you usually handle feeling {f}?",
    ],
    "closed_question": [
        "Is that every night?", "Did you tell anyone?", "Have you told {p}?", "Are you still in touch with {o}?", "How long has this been going on?",
        "Do you live on your own?", "Was that the first time?", "Is {p} aware of how you feel?", "Did it happen again this week?",
        "Are you sleeping okay?", "Do you have anyone you can talk to?", "Was it recent?", "Is it worse in the evenings?", "When did it start?",
        "Does {p} know?", "Are you working at the moment?", "Did you go in today?", "How old is {o}?", "Is that right?", "Were you on your own?",
        "Have you felt like this before?", "Is {sit} still going on?", "Do you want to carry on with this or talk about something else?",
        "Are you okay to keep going?", "Has anything changed since last week?", "Is it mostly at work or at home too?", "Do you see {o} often?",
        "Did {s} say why?", "Are you eating okay?", "Have you been in touch with your GP?",
    ],
    "reflection": [
        "You're feeling really {f}.", "It sounds like {sit} has left you feeling {f}.", "Part of you wants to sort it, and part of you just wants it to stop.",
        "You sound {f}, and a bit alone with it.", "So when you say '{q}', it's like nothing you do is enough.", "You're {f}.",
        "I wonder if part of you feels let down by {p}.", "It's as if you've been carrying {sit} all by yourself.", "You really miss how things were.",
        "There's a sense that '{q}' sums it up.", "I'm hearing how {f} you've been.", "It seems like {sit} has taken a lot out of you.",
        "You've been holding it together for everyone else.", "I get the sense you're {f} and not sure who to turn to.",
        "Perhaps some of that anger is about feeling unseen.", "You feel {f}, and you're not sure anyone gets it.",
        "Is it possible that part of you is relieved as well as sad?", "So {sit} isn't just hard, it's lonely.", "You don't want to let {p} down.",
        "It's been really hard, and you're worn out.", "Sounds like '{q}' is how it feels most days.", "You're torn between {p} and yourself.",
        "You wish {p} could see how much this hurts.", "That '{q}' really stuck with you.", "Maybe part of you is scared of what comes next.",
        "It sounds as though you've had to be the strong one.", "You're angry with {p}, and hurt too.", "There's a lot of {f} in what you're saying.",
        "You feel like you've lost something important.", "I wonder if there's some grief in this as well.", "Nothing seems to shift it.",
        "You want things to be different but can't see how yet.", "You've been {f} for a long time.", "Almost as if you've been on your own with {sit}.",
        "You're {f} because {s} did that, and it still stings.",
    ],
    "summary": [
        "So there's {sit}, feeling {f}, and on top of that '{q}'.", "Let me check I've got this: {sit}, the way {p} reacted, and now feeling {f}.",
        "So far you've talked about {sit}, about {p}, and about feeling {f}.", "To sum up, {sit} has been building, {p} hasn't helped, and you're {f}.",
        "So on one hand you want to sort out {sit}, and on the other you're {f} and worn out.", "Just to recap: '{q}', feeling {f}, and {p} in the middle of it.",
        "So you've had {sit}, the stuff with {p}, and now you're feeling {f} on top of everything.", "Putting it all together, it's {sit}, {p}, and how {f} it's left you.",
        "If I put that together, there's {sit}, the worry about {p}, and this feeling of being {f}.", "Let me see if I've understood: {sit} started it, {p} made it worse, and now '{q}'.",
        "So what I'm hearing overall is {sit}, {p}, and feeling {f}, all at once.", "You've mentioned {sit}, {p}, and '{q}', and they all seem linked.",
        "So it's been {sit}, then {p}, and now '{q}'. That's a lot.", "Let me just summarise: feeling {f}, {sit}, and not knowing where {p} stands.",
        "So first {sit}, then feeling {f}, and now '{q}' on top of it.",
    ],
    "affirmation": [
        "You {did}, even when it cost you.", "It took real courage to talk about {sit}.", "You clearly care a lot about {val}.", "You've {did}, that says a lot about you.",
        "I'm struck by how you {did}.", "That took guts, coming here and talking about {sit}.", "You've been so honest about {sit} today.",
        "It's clear how much {val} matters to you.", "You {did}, and that's not nothing.", "You've kept going through {sit}, which shows real determination.",
        "I really admire how you {did}.", "Even feeling {f}, you {did}.", "You're someone who values {val}, and it shows.", "Well done for talking about {sit}, it's not easy.",
        "You've done really well to get through {sit}.", "What a brave thing to share.", "Your honesty about {sit} really comes through.",
        "You {did}. That's a real strength.", "It says something about you that you {did}.", "You've handled {sit} with a lot of care.",
        "You stood up for what matters to you.", "You noticed what was happening and named it, that's a big step.",
        "Your feelings about {sit} make complete sense.", "It makes sense that you'd feel {f}.", "You did the right thing telling someone.",
    ],
    "information": [
        "We have about ten minutes left today.", "Sleep often gets worse when people are under a lot of strain.", "Grief often comes in waves rather than stages.",
        "Everything you say here stays confidential unless I'm worried about your safety.", "Research suggests that panic usually peaks within about ten minutes.",
        "It's quite common for people to feel numb after a loss.", "A GP can refer you to talking therapies if you ever want that.", "The session runs for fifty minutes.",
        "Debt charities can usually negotiate with creditors on your behalf.", "It's called anticipatory grief when you grieve someone who's still alive.",
        "Your employer has to consult you before making you redundant.", "Anxiety tends to make the body feel on high alert.", "Carers are entitled to an assessment from the council.",
        "We'll meet six times and then review how it's going.", "Lack of sleep can affect mood quite a lot.", "The helpline is open twenty-four hours.",
        "Studies show that many people feel a dip a few weeks after a big change.", "I'm a trainee, so I talk about my work with a supervisor.",
        "Next week we'll be meeting at the same time.", "Fertility clinics usually offer counselling alongside treatment.",
    ],
    "other": [
        "Mm.", "Take your time.", "I'm sorry that happened.", "Would it be okay if I shared an idea?", "Hi, it's good to see you.", "Mm-hmm.", "Go on.",
        "That sounds really painful.", "I'm so sorry.", "Thank you for telling me.", "Okay.", "Right.", "I'm here.", "That's a lot.", "Oh no.",
        "I'm really sorry to hear about {sit}.", "That sounds awful.", "Would you like me to share some thoughts, or would you rather keep talking?",
        "Is it okay if I ask a few questions about {sit}?", "Hello, where would you like to start today?", "Yeah.", "I see.", "That sounds really tough.",
        "Where would you like to begin?", "No rush.", "I went through something similar with {topic}.", "I understand.", "Wow.", "Sure.", "Bye for now, take care.",
        "Can I share something I noticed?", "Sorry, my connection dropped for a second.", "I'm listening.", "How awful.", "That's so hard.",
        "Let's pick this up next week.", "Thank you for being so open.", "Gosh.", "Good morning.", "I hear you.",
    ],
}

# Online-support register: longer, chattier, often a sympathetic sentence first and a sign-off after.
CHAT = {
    "advice": [
        "I understand how you feel. Maybe you could try {acting}, it really helped me when I was going through something like this.",
        "That's really tough. I think it would be a good idea to {act} and see how it goes.",
        "I would try to {act}. Sometimes just taking one small step makes things feel more manageable.",
        "Have you thought about reaching out to {p}? Sometimes people don't realise how we feel until we tell them.",
        "Perhaps you can look for some online groups about {topic}, there are lots of people there who share the same thing.",
        "I was in a similar situation last year and what helped me was {acting}. Maybe give it a go?",
        "One thing you could do is write down how you feel about {sit} and then decide what to do next.",
        "It's really important to look after yourself right now, so try to get some rest and eat properly.",
        "I think you should talk to someone you trust about {sit}, keeping it all inside will only make it worse.",
        "You might find it useful to set aside some time each day just for you, even ten minutes.",
        "Maybe you can ask {p} to sit down with you and talk it through calmly when you're both ready.",
        "If it were me I'd probably {act}, but it's your call of course.",
        "Sounds like a lot. Could you maybe take a day off and just do something you enjoy?",
        "Honestly I'd start by {acting}, then take it from there. Let me know how it goes!",
        "You could also try some breathing exercises or meditation, there are free apps for that.",
        "Have you looked into counselling through your work or your GP? That could give you some proper support.",
        "I know it's hard, but try to focus on the things you can control, like {acting}.",
        "It's okay to feel {f}. Maybe you could try {acting} this week and see if it changes anything?",
        "Please consider {acting}, I think it would take some of the pressure off.",
        "Why don't you make a list of the pros and cons before you decide anything about {sit}?",
    ],
    "open_question": [
        "I'm so sorry to hear that. How are you feeling about it all right now?", "What do you think is making {sit} so hard at the moment?",
        "That sounds really tough. What has been the hardest part for you?", "How has this been affecting your day to day life?",
        "Can you tell me a little more about what happened with {p}?", "How did that make you feel when it happened?",
        "What would you like to see change with {sit}?", "I hear you. What's been on your mind the most this week?",
        "What do you usually do when you start feeling {f}?", "How are things at home with everything going on?",
        "What support do you have around you at the moment?", "What was it like telling me about this today?",
    ],
    "closed_question": [
        "Have you been able to talk to anyone about this?", "Is this something that has been going on for a while?", "Do you have family nearby?",
        "Are you still living with {p}?", "Did you get any support from {p}?", "Is this the first time you've felt like this?",
        "Are you getting any sleep at all?", "Have you had any time off since it started?", "Do you feel safe at home?", "Was that before or after {sit}?",
    ],
    "reflection": [
        "So you're feeling really {f} because of {sit}, and it's been building for a while.", "It sounds like you are frustrated with {p} and don't feel heard.",
        "I can hear that this has been weighing on you a lot.", "So you feel like nobody really understands what you're going through.",
        "It seems like {sit} has really knocked your confidence.", "You're worried that it's only going to get worse.",
        "It sounds like you've been feeling {f} and a bit lost with it all.", "I can see how much {sit} has upset you.",
        "So it's not just {sit}, it's feeling like you have to deal with it alone.", "You've had a really rough few months.",
    ],
    "reassurance": [
        "I'm sure you'll find a way through this, you sound like a really capable person.", "You're doing the best you can and that's all anyone can ask.",
        "Things will get better, I promise, they always do in the end.", "Don't worry too much, I'm sure {p} will understand.",
        "I know it feels bad now but it will pass, these things always do.", "You are not alone in this, lots of people feel exactly the same way.",
        "It's going to be okay. You're stronger than you think.", "I'm sure everything will work out for the best.",
        "Try not to stress about it, you'll figure it out.", "Honestly it's really not your fault, so please don't blame yourself.",
        "I'm confident you'll land on your feet.", "You will get through this, just like you've got through hard things before.",
    ],
    "affirmation": [
        "That's a great idea, it shows you're really thinking about what's best for you.", "It's really good that you're reaching out and talking about {sit}.",
        "You've shown a lot of strength by dealing with {sit} the way you have.", "It takes courage to admit how {f} you've been feeling.",
        "I think it's brilliant that you've already {did}.", "You obviously care a lot about {val}, and that comes across.",
        "Good for you for standing up for yourself with {p}.", "It sounds like you've worked really hard to keep things going.",
    ],
    "information": [
        "Many GPs can refer you to free talking therapy services.", "There is a free helpline you can call any time, day or night.",
        "It's quite common to feel low after a big life change like {sit}.", "Stress can affect your sleep and appetite quite a lot.",
        "Redundancy pay usually depends on how long you've worked somewhere.", "Some employers offer an employee assistance programme with free counselling.",
    ],
    "other": [
        "Hi there, how can I help you today?", "I'm sorry to hear about {sit}, that sounds really difficult.", "Thank you for sharing that with me.",
        "I know exactly what you mean, I went through a breakup myself a few years ago.", "That sounds so frustrating.", "I'm glad you reached out today.",
        "You're welcome, I'm glad I could help.", "I hope things get better for you soon. Take care.", "Oh wow, that's a lot to deal with.",
        "I'm really sorry, that must be so hard.", "I can understand why you'd feel that way.", "Good luck with everything!",
        "I'm here for you.", "It was nice talking to you.", "Yes, I see what you mean.",
    ],
    "interpretation": [
        "Honestly I think the real reason you feel {f} is {cause}, not {sit}.", "It sounds to me like this is all about {cause}, if I'm honest.",
        "I think you're just scared of being on your own, that's why you're holding on.", "You're clearly still hurt by {cause} and it's coming out now.",
        "This is really about you not feeling good enough, isn't it?", "I reckon {p} is the way {s} is because of {cause}, that's the root of it.",
        "I think the problem is you never dealt with {cause}.", "You keep doing this because you're afraid of what happens if you stop.",
    ],
    "summary": [
        "So just to recap, you've got {sit}, the stress with {p}, and you're not sleeping. That's a lot at once.",
        "So from what you've said, {sit} has been really hard, {p} hasn't been supportive, and now you feel {f}.",
    ],
}

# Written after the first held-out check, and kept entirely held out: an honest test of new phrasings.
FRESH = {
    "advice": [
        "Here's a thought: {act}.", "You'd be better off {acting}, to be honest.", "Why not give {acting} a whirl?", "Best bet is to {act}.",
        "Sounds like you need to {act}.", "Mate, just {act}.", "Ever considered {acting}?", "Go and {act}, you'll feel better for it.",
        "You owe it to yourself to {act}.", "Could be time to {act}, no?", "Surely the answer is to {act}?", "Step one: {act}.",
    ],
    "interpretation": [
        "I'd say this is really your {cause} showing up again.", "This all comes back to {cause}.", "Let's be honest, it's {cause}.",
        "The way you talk about {p} tells me it's {cause}.", "You're reacting like this because of {cause}, obviously.", "Your {topic} problem is really a {cause} problem.",
        "At the root of this is {cause}.", "What's driving this is {cause}.",
    ],
    "reassurance": [
        "It'll be alright, you'll see.", "No point worrying, it'll sort itself out.", "Don't fret, {p} will come around.", "You've nothing to worry about, honestly.",
        "Trust me, it'll all be fine.", "It's honestly not a big deal.", "Try to look on the bright side.", "By next year this will all be a distant memory.",
        "Everything's going to work out, I just know it.", "It'll feel better before you know it.",
    ],
    "open_question": ["What's your sense of what's going on with {p}?", "How would you describe {sit} to a friend?", "Talk me through what happened with {p}."],
    "reflection": ["There's part of you that's still hoping {p} will change.", "You're carrying a lot of {f} around {sit}."],
    "other": ["Ah, I'm sorry.", "Right, okay.", "Good to see you again."],
}

OPENERS = ["I'm really sorry you're dealing with this.", "I can understand how you feel.", "Thanks for opening up about this.",
           "Oh gosh, that sounds hard.", "I hear you, that's a lot.", "I totally get where you're coming from.", "That must be so frustrating."]
CLOSERS = {"advice": ["Just a thought.", "I hope that helps.", "Let me know how it goes.", "What do you think?"],
           "reassurance": ["Take care.", "I hope that helps."], "other": ["Take care.", "I'm here if you need me."],
           "affirmation": ["Keep it up."], "information": ["I hope that's useful."]}

# A second blind batch, written before any figures on it were seen; all held out (reported separately).
FRESH2 = {
    "advice": [
        "Personally I'd {act} sooner rather than later.", "Have a think about {acting}, it might take the edge off.", "I'd be tempted to {act}.",
        "A lot of people in your shoes would {act}.", "Could you not just {act}?", "You really ought to {act}.", "How would you feel about {acting}? I think it'd help.",
        "The sensible thing would be to {act}.", "Right, so tonight, {act}.", "It may be wise to {act}.",
    ],
    "interpretation": [
        "Sounds to me like it's really {cause} underneath.", "You've always been like this because of {cause}.", "That's classic {cause}, you know.",
        "I reckon it boils down to {cause}.", "There's no doubt in my mind this is {cause}.", "You're using {sit} to avoid {cause}.",
        "It's your {cause} that's the issue, not {p}.", "Whether you see it or not, this is about {cause}.",
    ],
    "reassurance": [
        "Oh you'll be grand.", "I wouldn't worry, honestly.", "Give it a few weeks and you'll be right as rain.", "Nah, {p} won't even have noticed.",
        "You'll come out of this stronger, I know it.", "Don't lose any sleep over it.", "It's really nothing compared to what some people go through.",
        "I promise you, {sit} will sort itself out.", "You're overthinking it, it's fine.", "Stop worrying, you're doing brilliantly.",
    ],
    "open_question": ["What's it been like living with {sit}?", "How do you feel when you picture talking to {p}?", "What's stopping you, do you think?"],
    "reflection": ["Underneath the anger there's a lot of hurt, it sounds like.", "You've had enough of {sit}."],
    "affirmation": ["You kept your head when {sit} kicked off, that's impressive.", "You're really committed to {val}."],
}

# Everyday supporter forms that trainees use a lot: checking reflections ("So you feel...?"), "I understand you...",
# gladness and praise. Added to the chat register (split by template hash like the rest).
CHAT["reflection"] += [
    "So you're feeling {f} about {sit}?", "You feel like {p} doesn't really get it?", "So {p} just stopped talking to you?",
    "I understand that you're feeling {f} right now.", "I can see that {sit} has really worn you down.", "It sounds like you're {f}?",
    "I can tell you're really {f} about this.", "You've been feeling {f} for weeks now?", "So it feels like '{q}'?",
    "I understand how {f} you must be with everything that's happened.",
]
CHAT["affirmation"] += [
    "I'm glad you reached out about {sit}.", "It's really good that you talked to {p}.", "You should be proud of how you've handled {sit}.",
    "That's a really positive step.", "I'm so pleased you told someone.", "It's great to hear you've already {did}.",
]
CHAT["reassurance"] += [
    "You're doing the best you can, and that's enough.", "You're doing great, honestly.", "You're doing everything right, so don't worry.",
]
CHAT["other"] += [
    "I understand.", "I'm sorry you're going through this, I really am.", "Hello! What's on your mind today?", "Ok, I see.",
    "That makes me sad to hear.", "No problem at all.",
]
CHAT["closed_question"] += [
    "Is there anyone you can talk to about {sit}?", "Have you talked to anyone else about it?", "Did anything happen to set it off?",
    "Do you think {p} knows how you feel?",
]
CHAT["open_question"] += ["How long have you felt this way, and what started it?", "What do you think would help you feel a little better?"]

# More life problems, so the model learns acts rather than topics.
PROBLEMS += [
    {"client": ["My best mate died of an overdose last month.", "I keep replaying our last conversation, I was short with him.", "Nobody at work knows."],
     "p": "your mate's family", "o": "them", "s": "they", "f": ["guilty", "numb", "gutted"], "sit": "losing your mate", "act": ["go to a bereavement by substance group", "write him a letter", "talk to his family"], "acting": ["talking to his family", "visiting his grave", "writing it down"], "q": ["replaying our last conversation", "I was short with him", "nobody at work knows"], "cause": ["survivor guilt", "your own drinking", "fear of your own feelings"], "did": ["kept showing up for him for years", "told me about it today"], "val": ["friendship", "loyalty"], "topic": "grief"},
    {"client": ["I've been signed off with stress and I feel like a fraud sitting at home.", "My team are covering for me and I hate it.", "I don't even know if I want to go back."],
     "p": "your team", "o": "them", "s": "they", "f": ["guilty", "adrift", "conflicted"], "sit": "being signed off", "act": ["use the time to rest properly", "speak to occupational health", "plan a phased return"], "acting": ["resting properly", "a phased return", "looking at other jobs"], "q": ["feel like a fraud", "covering for me", "want to go back"], "cause": ["your perfectionism", "a fear of being seen as weak", "burnout"], "did": ["kept going for far too long", "listened to your body in the end"], "val": ["your team", "pulling your weight"], "topic": "work"},
    {"client": ["My daughter's started self-harming and I found out from her school.", "She won't talk to me about it.", "I feel like I've failed her."],
     "p": "your daughter", "o": "her", "s": "she", "f": ["frightened", "helpless", "like you've failed"], "sit": "your daughter's self-harm", "act": ["ask her GP for a CAMHS referral", "let her know you're there without pushing", "remove sharp things from the house"], "acting": ["getting a CAMHS referral", "talking to her school", "a parents' support group"], "q": ["found out from her school", "won't talk to me", "I've failed her"], "cause": ["your own childhood", "your guilt about the divorce", "your need to fix things"], "did": ["acted the same day you found out", "kept loving her through it"], "val": ["your daughter", "being a good parent"], "topic": "your daughter"},
    {"client": ["Since the menopause started I don't recognise myself.", "I snap at everyone and then cry in the car.", "My husband thinks I'm being dramatic."],
     "p": "your husband", "o": "him", "s": "he", "f": ["unlike yourself", "dismissed", "overwhelmed"], "sit": "the menopause", "act": ["ask your GP about HRT", "show your husband some information about it", "join a menopause group"], "acting": ["talking to your GP", "tracking your symptoms", "a menopause café"], "q": ["don't recognise myself", "cry in the car", "being dramatic"], "cause": ["grief for your younger self", "resentment of your husband", "depression"], "did": ["kept working and caring through it", "named what's happening"], "val": ["being yourself", "your marriage"], "topic": "the menopause"},
    {"client": ["I was passed over for promotion again, they gave it to someone who's been there a year.", "I've been there eight years.", "I'm starting to think I'm just not good enough."],
     "p": "your boss", "o": "him", "s": "he", "f": ["overlooked", "bitter", "deflated"], "sit": "the promotion", "act": ["ask for feedback on why", "start looking elsewhere", "talk to HR about it"], "acting": ["asking for feedback", "job hunting", "getting a mentor"], "q": ["passed over", "eight years", "not good enough"], "cause": ["your fear of being visible", "imposter syndrome", "your father's criticism"], "did": ["given that place eight years", "kept applying"], "val": ["recognition", "fairness"], "topic": "the promotion"},
    {"client": ["My mum's moving into a care home next week and I feel like I'm abandoning her.", "She keeps asking when she's coming home.", "I promised I'd never put her in a home."],
     "p": "your mum", "o": "her", "s": "she", "f": ["guilty", "torn", "heartbroken"], "sit": "the care home", "act": ["visit every day for the first week", "talk to the staff about her routine", "take her favourite things in"], "acting": ["visiting often", "personalising her room", "talking to the care staff"], "q": ["abandoning her", "when she's coming home", "never put her in a home"], "cause": ["guilt from your childhood", "fear of your own ageing", "your need to be the good daughter"], "did": ["cared for her at home for years", "made an impossibly hard decision"], "val": ["keeping promises", "your mum's safety"], "topic": "your mum"},
]

MORE = {
    "advice": [
        "{acting} might really help, you know.", "{acting} can be really helpful in situations like this.", "Sometimes it helps to just {act} and see how you feel after.",
        "A good place to start would be {acting}.", "Is it possible to {act}?", "Don't let {p} get to you, just {act}.", "I'd encourage you to {act}.",
        "Honestly, a counsellor could really help you with {sit}.", "Listening to music or going for a walk can help when you feel {f}.",
        "You might want to think about {acting} before things get worse.", "It would probably be good to {act} sooner rather than later.",
        "I'd definitely {act} if I were in your position.", "Instead of keeping it in, {act}.", "Keeping a routine can really help with {sit}.",
    ],
    "reassurance": [
        "Hang in there, {sit} won't last forever.", "Better days are coming, I promise.", "You have so much going for you, don't forget that.", "I'm sure you'll be absolutely fine.",
        "I'm sure {p} doesn't think badly of you.", "You'll get past {sit}, people always do.", "Nothing lasts forever, including this.", "It's completely understandable and it'll pass soon.",
        "Don't be so hard on yourself, you did nothing wrong.", "You did everything you could, it's not on you.",
    ],
    "interpretation": [
        "You're taking it out on {p} because of {cause}.", "Your {cause} is what's making you feel {f}.", "{sit} is how you avoid facing {cause}.",
        "You're not {f}, you're grieving.", "It seems obvious to me it's {cause}.", "You keep ending up here because of {cause}.",
    ],
    "reflection": [
        "You've been feeling {f} ever since {sit}.", "So {sit} has left you feeling {f}, and you can't see a way forward.", "That really hurt.",
        "You're tired of being the one who holds it all together.", "I can hear how much {sit} is weighing on you.", "It's like you're on your own with {sit}.",
    ],
    "affirmation": [
        "That was a really brave thing to do.", "You clearly love {p} very much.", "You handled {sit} really well.", "You should be proud of yourself for getting through {sit}.",
    ],
    "closed_question": ["Have you talked to anyone about {sit}?", "Do you have people around you?", "Have you told anyone how you feel?"],
    "other": ["Hello, how can I help?", "You're welcome, take care!", "I'm so sorry you're going through {sit}.", "I've been there myself, it's not easy."],
}

# A third blind batch, written last, after all rule work; all held out and never used for changes.
FRESH3 = {
    "advice": [
        "What you want to do is {act}.", "Honestly? {act}.", "Top tip: {act}.", "The way I see it, you've got to {act}.", "Can't you just {act}?",
        "Here's what I'd do in your shoes: {act}.", "I reckon {acting} is your best move.", "Why don't you give {acting} a shot?",
        "You could do worse than {acting}.", "Make a plan to {act} by the end of the week.",
    ],
    "interpretation": [
        "Underneath all this is {cause}.", "I'd put money on it being {cause}.", "Let me tell you what I think is happening: it's {cause}.",
        "You're clinging on to {sit} because of {cause}.", "That reaction screams {cause}.", "The truth is you've never got over {cause}.",
    ],
    "reassurance": [
        "You'll sail through it.", "No way is it as bad as you think.", "I'm positive it'll be sorted by Christmas.", "Aw, you're worrying over nothing.",
        "Don't give it another thought.", "This time next year you'll be laughing about {sit}.", "Everybody's been there, it's fine.",
        "{p} adores you, you've got nothing to fear.",
    ],
    "reflection": ["So much of you has gone into {sit}.", "You wish someone would just notice."],
    "open_question": ["What's your gut telling you about {sit}?", "How do you want things to be with {p}?"],
    "other": ["Oh, I'm sorry to hear that.", "Okay, thank you."],
}
