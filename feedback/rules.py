"""Transparent cue rules: which speech act each sentence of a trainee turn performs, and where.

The rules encode the hard cases in docs/stance.md (advice without "should", advice dressed as a
question, tentative reflections vs imposed interpretations, sympathy vs reassurance, affirmation vs
reassurance). They give a label, the evidence span and a strength per sentence; `combine` picks the
turn's most consequential act. The trained model (model.py) decides; a rule's label stands when the model
nearly agrees (engine.py), so the hard cases hold even where the model wavers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from feedback.text import clean, content_words, sentences

# Informal spellings folded before matching, so "dont worry u will be ok" reads like the formal form.
_FOLD = [(re.compile(p), r) for p, r in [
    (r"\bdont\b", "don't"), (r"\bdoesnt\b", "doesn't"), (r"\bdidnt\b", "didn't"), (r"\bcant\b", "can't"),
    (r"\bwont\b", "won't"), (r"\bisnt\b", "isn't"), (r"\bwouldnt\b", "wouldn't"), (r"\bshouldnt\b", "shouldn't"),
    (r"\bim\b", "i'm"), (r"\bive\b", "i've"), (r"\bid\b", "i'd"), (r"\byoure\b", "you're"), (r"\byoull\b", "you'll"),
    (r"\byouve\b", "you've"), (r"\byoud\b", "you'd"), (r"\bthats\b", "that's"), (r"\bits\b", "it's"),
    (r"\bu\b", "you"), (r"\bur\b", "your"), (r"\b(?:urself|yrself)\b", "yourself"), (r"\br\b", "are"), (r"\bpls\b", "please"), (r"\bgonna\b", "going to"),
    (r"\bwanna\b", "want to"), (r"\bgotta\b", "have to"), (r"\bthx\b", "thanks"), (r"\bok\b", "okay"), (r"\blets (?=be |talk|see |think|look|explore|go |start|pick|stop|try)", "let's "), (r"\bit'd\b", "it would"), (r"\bthat'd\b", "that would"),
    (r"\bwhats\b", "what's"), (r"\bhows\b", "how's"), (r"\s+", " "),
]]

TENTATIVE = re.compile(
    r"\b(i wonder|wondering|perhaps|maybe|might|possibly|is it possible|could it be|i guess|i'm guessing|"
    r"i imagine|sounds? like|it seems|seems like|seem to|i sense|i get the sense|i get the feeling|am i right|"
    r"i could be wrong|correct me|i'm not sure|does that fit|does that sound|if i'm hearing|i'm hearing|"
    r"i hear|almost as if|kind of like|a bit like|i'm curious whether)\b")

# Imperative openings (the sentence starts with the verb, after optional softeners).
_SOFT = r"^(?:(?:so|and|then|also|but|just|maybe|perhaps|honestly|please|okay|well|yeah|yes|mate|look|dude|hun|first|first of all|" \
        r"firstly|secondly|next|i think|i reckon|you know what|at the very least|in the meantime|" \
        r"for now|for starters|for a start|right|alright|oh|hey|look|listen|definitely|seriously|" \
        r"hmm|next time|this week|if you can|if possible|when you can|tonight|tomorrow|today),?\s+)*"
_IMPERATIVE_VERBS = (
    r"(try|give yourself|give (?:her|him|them|it)|take (?:a|some|care|up|time out|things|it one|"
    r"a break|a walk|a step|a deep|a moment|note|stock)|go (?:for|to|and|out|see|easy|back|talk|outside|with)|"
    r"write|call|ring|phone|text|email|message|talk to|speak to|speak with|talk with|tell (?:her|him|them|your|"
    r"someone|people|a)|ask (?:her|him|them|your|for|a|someone|yourself)|make (?:sure|a|time|some|an|the|it|plans)|"
    r"get (?:some|a|help|out|professional|in touch|yourself|enough|rid|more|back)|stop|start|keep|let (?:her|him|"
    r"them|yourself|it|go|things|people)|find (?:a|some|someone|ways|time|out|something|another)|focus on|"
    r"remember (?:to|that you|you)|don't forget|consider|look (?:into|for|at|up|after)|reach out|set (?:a|some|up|"
    r"boundaries|aside|yourself|limits)|spend|join|put (?:yourself|your|it|some|the|down)|avoid|limit (?:your|the|how|it)|cut (?:down|"
    r"back|out|ties)|practi[cs]e|schedule (?:a|some|time|in)|book (?:a|an|some|yourself|in)|sign up|download|meditate|exercise (?:more|regularly|daily|every|a bit)|journal (?:about|every|each|your)|breathe|"
    r"drink (?:some|more|less|water|a)|eat (?:something|well|more|less|a|some|properly)|sleep (?:on it|more|early)|rest (?:up|more|a bit)|relax|distract yourself|treat yourself|forgive|accept|be (?:kind|gentle|patient|honest|open|"
    r"brave|careful|firm|nice|easy|strong|positive|proud|confident|yourself|more|less|clear|assertive)|"
    r"don't be (?:so |too )?(?:afraid|scared|shy)|do (?:something|some|what|it|not|the|a|more|less)|"
    r"do not be afraid|never (?:give|let|stop)|always (?:remember|try|make)|seek|see (?:a|your|if|someone|"
    r"whether|a doctor|a therapist)|visit|read (?:a|some|up|about|the|this|more)|learn (?:to|how|some|more)|apply (?:for|to)|quit|leave (?:him|her|them|the|your|it)|move (?:on|out|"
    r"away)|pick up|check (?:in|out|with|if|whether)|note down|list (?:the|what|your|all|three|some)|plan (?:a|some|something|your|ahead|out)|prioriti[sz]e|delegate|share (?:your|"
    r"how|what|it|this)|open up|confront|explain|invite|contact|visit|hire|buy|block|ignore|sit (?:down|with)|"
    r"give it|allow yourself|lean on|surround yourself|stay (?:away|busy|active|off|in touch|positive)|"
    r"think about (?:what|how|whether|if|getting|going|talking|asking|trying|doing|your)|"
    r"work on|pace yourself|slow down|step back|walk away|speak up|stand up|update|change (?:your|the|jobs|job)|label|delete|unfollow|mute|pour|knock|plant|sign|register|download|install|switch|swap|ditch|drop (?:him|her|them|it|the)|tell yourself|remind yourself|stick (?:to|with|at)|push (?:yourself|through)|write down|get over|move forward|lean into|carry on|keep going|ring|phone|go back|show up|turn up|go along|make an effort|apologi[sz]e|say sorry|involve|arrange|encourage (?:him|her|them|your)|reward|praise (?:him|her|them)|remind (?:him|her|them)|get (?:him|her|them)|make (?:him|her|them)|let (?:him|her)|drive (?:him|her|them)|keep (?:him|her|them)|have a (?:chat|word|talk|go|think|look|break|rest|bath|day off|night off|proper)|count (?:to|your|down)|wait (?:until|till|for|a (?:few|day|week|bit))|pause (?:before|and)|take away|take (?:the|him|her|them|it|back|up)|say (?:no|yes|sorry|something|that|it|how)|tell (?:yourself|the)|get (?:on|into|involved))\b")

# (label, pattern, strength): first match of the strongest kind wins within a sentence.
_RULES: list[tuple[str, str, float]] = [
    # advice dressed as a question / suggestion forms
    # a suggestion verb makes a question advice; "have you talked to your GP?" asks what happened (corpus/LABELLING.md)
    ("advice", r"\bhave you (?:ever |already |maybe |perhaps |also )?(?:tried|thought (?:about|of) (?!what|how|why|where|when|who|whether)|considered|looked (?:into|at|for)|attempted|explored (?:the|some|any))", 0.95),
    ("advice", r"\b(?:did|do) you (?:ever |maybe |also )?(?:try|consider|think about (?:trying|talking|getting|going|asking|seeing|telling|calling|joining|looking|leaving|moving|doing|writing|taking|starting)|think (?:of|about) (?:talking|getting|going|asking|seeing|telling))", 0.9),
    ("advice", r"\b(?:why don't you|why not|how about|what about (?:trying|going|talking|calling|asking|getting|making|writing|speaking|reaching|looking|joining|taking|doing|starting|setting|seeing|telling|finding|spending|giving|focusing|just|a |an |some )|what if you (?!(?:feel|felt|are|were|fail|failed|lose|lost|can't|don't|didn't|never|had|have|could|did|do|need|needed|want|wanted|think|thought|knew|know|said|say|get hurt|end up)\b)\w+)", 0.95),
    ("advice", r"\b(?:would|could|can|will) you (?:maybe |perhaps |possibly |not |also )?(?:consider|be (?:willing|open|able) to|think about (?:trying|talking|getting|going|asking|seeing|telling|calling|joining|doing|taking|starting|leaving|looking)|try|talk to|speak to|speak with|ask (?:her|him|them|your|for)|reach out|look into|get (?:some|a|help|in touch)|find (?:a|some|someone|ways|time)|go (?:to|and|for|see)|take (?:a|some|time)|call|tell (?:her|him|them|your)|write|join|set|see (?:a|your|someone)|start|stop|keep|make (?:a|some|time|sure)|plan|book|update|change|leave|move|say no|cut|limit|delete|block|ring|text|email|put|spend|give)\b", 0.9),
    ("advice", r"\b(?:do you think|don't you think|wouldn't it be|would it (?:not )?be|isn't it|might it be|could it be|would it help|do you feel like) (?:it (?:would|might|could) (?:help|be (?:good|better|helpful|worth|a good idea|wise|best|useful))|you (?:could|should|need to|ought to|might want to|can)|(?:better|best|good|helpful|wise|a good idea|worth it|worth trying) (?:to|if|for you)|it (?:would|could|might) be (?:better|worth|good|helpful|a good idea|best))", 0.95),
    ("advice", r"\bis there (?:any way|some way|a way|anything|any chance|someone|anyone|a chance) (?:you|that you) (?:could|can|might) (?:talk|speak|ask|tell|reach|try|take|get|go|find|call|see|set|make|join|do|move|leave|change|start|stop)", 0.8),
    ("advice", r"\byou(?:'ve)? (?:really |definitely |probably |just |honestly |seriously |absolutely |totally |also |first |maybe |perhaps |still )?(?:should|ought to|need to|needs to|have got to|got to|must not|mustn't|shouldn't|better|had better|might want to|may want to|might wish to|might like to|will want to|want to make sure|could always|can always|could also|can also|could try|can try|might try|may try|could consider|can consider|might consider|could maybe|could possibly|could just|can just|could start|can start|could talk|can talk|could ask|can ask|could look|can look|could speak|could write|can write|could reach|can reach|could go|can go|could get|can get|could take|can take|could find|can find|could set|can set|could tell|can tell|could join|can join|could call|can call|could make|can make|could see|can see a|could give|can give|could spend|can spend|could focus|can focus|could use|can use|could put|could let|could keep|can keep|could check|can check|could plan|could book|could contact|can contact|could do|can do something)\b", 0.95),
    ("advice", r"\b(?:maybe|perhaps|possibly) (?:you|try|start|just|talk|speak|write|go|call|ask|tell|take|give|find|get|make|set|look|consider|join|reach|spend|see|focus|keep|stop)\b(?! (?:feel|felt|are|were|'re|have been|wanted|want|wish|miss|hate|love|didn't|don't|can't|think|thought|know|knew|needed|need something|just need|got|get the sense|worry|fear|sense|might feel|seem|sound)\b)", 0.8),
    ("advice", r"\bi(?:'d| would| do| really| strongly| honestly| definitely| personally)* (?:suggest|recommend|advise|encourage you|urge you|propose)|\bmy (?:advice|suggestion|recommendation|tip)|\bi think (?:you|u) (?:should|need|could|might want|ought|have to|must|better)|\bif i (?:were|was) you\b|\bif it was me\b|\bwhat i would do\b|\bwhat i'd do\b|\bi'd say (?:go|try|talk|just)", 0.95),
    ("advice", r"\b(?:the best|a good|the right|one good|the first|a helpful|a useful|a great|the next|a sensible|a small|a first)(?: first| next| little| small)? (?:thing|way|option|idea|step|move|approach|place|start|strategy|bet|plan)(?: to (?:start|begin|try))? (?:to do|for you|you can|you could|would be|might be|is|could be|may be|here|right now)\b", 0.85),
    ("advice", r"\b(?:(?:maybe|perhaps|i think|honestly)?,? ?it'?s (?:about |high |probably |maybe )?time (?:to|for you to|you|that you)|have a go at|give (?:it|that|this) a (?:go|try|shot|whirl)|worth a (?:try|go|shot)|\b(?:something|one thing|a thing|what) (?:that )?(?:a lot of |lots of |many |some |most |other )?\w+ (?:find|found|say|swear by)(?: really)? (?:helpful|useful|helps|works)|here's (?:a|an|my) (?:thought|idea|suggestion|tip)|\b(?:works?|worked) (?:wonders|really well|a treat|brilliantly|miracles)\b|\b(?:he|she|they|your \w+) (?:might|may|could|probably|really|definitely) (?:need|benefit from|want to see|have to see)\b|\bi'?d (?:probably |definitely |just |honestly |personally |also )?(?:get|ask|tell|try|go|call|ring|talk|make|take|speak|do|start|look|book|set|put|give|leave|stop|keep|write|find|move|quit|walk|block|report|see|contact|email|text|sit|wait|let|arrange|sign)\b(?! (?:to|that) you)|\b(?:a lot of|lots of|many|most|some|other|plenty of) \w+ (?:swear by|find (?:it |that )?(?:helpful|useful|helps)|recommend|rave about)|\bit'?s (?:probably |usually |often |generally |always |definitely )(?:best|better|wise|sensible|a good idea) to\b|^(?:(?:and|so|but|honestly|well),?\s+)*the (?:key|trick|secret|answer|solution) (?:is|here is|would be)\b|\b(?:one|another|an|my|a|the other) (?:idea|option|thought|suggestion|possibility) (?:is|would be|might be|could be) (?:to|that you|\w+ing)\b|\bthe (?:obvious|next|logical|sensible|best|first|right|smart|wise|only|simplest|easiest|natural)(?: next| first)? (?:step|thing to do|move|option|thing) (?:is|would be|might be)\b|\b(?:might|could|would|may) (?:well )?be the (?:answer|solution|way (?:forward|to go)|key|best bet)\b|\bwould it (?:not )?be (?:worth|a good idea|helpful|useful|wise|better) (?:to |\w+ing)|step (?:one|1)\b|(?:best|safest|easiest) (?:bet|option|thing) (?:is|would be|might be)|you'd be (?:better|best) off (?!without)|(?:ever|have you ever) (?:considered|thought about|tried)|(?:could|might|may) be (?:time|worth|a good idea|wise|an idea) (?:to|for you to|\w+ing)|\bin my experience\b.{0,60}\b(?:helps|works|is best)|you won't regret|do yourself a favou?r|take my advice|(?:something|what|one thing|the thing) that (?:really )?(?:worked|helped) (?:for |with )?me|what (?:worked|helped) (?:for|with)? ?me|i found (?:that )?\w+ing (?:\w+ ){0,4}(?:really )?help|the (?:answer|solution|key|trick|fix) (?:is|would be|here is) (?:to|just|simple)|i think \w+ing (?:\w+ ){0,5}(?:would|could|might|will) (?:really |probably |definitely )?help)\b", 0.85),
    ("advice", r"\bit (?:would|could|might|may|can|will|should|does|really|often|usually|sometimes) (?:really |also |probably |definitely |maybe |possibly |often )?(?:help|be (?:really |very |quite |so )?(?:good|helpful|useful|worth|a good idea|beneficial|wise|best|better|healthy|important|smart|great)|do you good|make a difference|be worth)|\bit's (?:a (?:good|great|smart) idea|worth (?:\w+ing|a try|it to)|(?:really |very )?important (?:to|that you)|best to|better to|wise to|okay to (?:ask|say no|take|step|reach))|\bit (?:is|was) (?:a )?good idea\b", 0.85),
    ("advice", r"\b(?:one|another|a) (?:thing|idea|option|approach|strategy|technique|tip|trick) (?:that )?(?:people|many|some|you|others|i|lots|folks|a lot of people|could|might|that might|that could|which) .{0,40}(?:find|try|do|could|help|use|useful|helpful)|\b(?:people|many people|some people|others|folks|lots of people|a lot of people|most people) (?:often |usually |sometimes |really )?(?:find (?:it |that )?(?:helpful|useful|it helps|that it helps)|find that (?:writing|talking|walking|exercise|journaling|meditat|taking|setting|getting|going|keeping|making|having)|swear by|benefit from)", 0.85),
    ("advice", r"^(?:(?:maybe|perhaps|i think|honestly|also|and|but|so|well|sometimes|do you think|don't you think|would you say|do you reckon),?\s+)*(?:\w+ing|a \w+|an \w+|some \w+|\w+ \w+s|\w+s)(?: [\w']+){0,5} (?:might|could|can|may|will|would|should|often|really|usually|sometimes)(?: really| also| definitely| probably| often| sometimes| be able to)? (?:help(?!ed)|be (?:really |very |so |quite |incredibly )?(?:helpful|useful|good for you|beneficial|great for|worth|a (?:good|great) (?:idea|way|help|outlet|start)))\b|\bit (?:often |sometimes |usually |really |always )?helps? (?:to|if|when)\b|\bis it (?:possible|an option|feasible|doable) (?:for you )?to (?:talk|speak|ask|take|get|go|move|change|reduce|find|see|call|tell|leave|try|work|switch|look|set|cut|stop|start)|\bdon't let (?:him|her|them|anyone|people|it|this|that|others)\b", 0.8),
    ("advice", r"\b(?:helps?|helped|useful|helpful) (?:to|if you|when you) (?:talk|write|take|go|get|make|set|keep|try|break|spend|reach|remember|focus|list|plan|step|sit|ask|tell|breathe|walk)", 0.7),
    ("advice", r"\b(?:make sure|remember to|don't forget|do not forget|try not to|try and|try to|be sure to|you owe it to yourself|you deserve to (?:take|give|have|get|go|put)|you need some|you need a|you need time)\b", 0.85),
    ("advice", r"\b(?:there are|there's|you can find|i know of|i can recommend|check out) (?:some |lots of |many |a few |plenty of )?(?:great |good |useful |free |online |local )*(?:apps?|groups?|support groups?|websites?|resources|services|hotlines?|helplines?|programs?|programmes?|books?|courses?|classes|forums?|videos?|podcasts?|counsel+ors?|therapists?|charities|organi[sz]ations?)\b", 0.7),
    # leading questions that carry an opinion
    ("leading", r"^(?:but |and |so |well |okay )?(?:don't you think|do you not think|wouldn't you (?:say|agree|rather|prefer|be better)|isn't it|aren't you|shouldn't you|can't you|couldn't you|won't you|wouldn't it|doesn't (?:it|that) (?:seem|sound|make)|surely|don't you deserve|don't you want|isn't that|aren't they|didn't you (?:think|say|know))\b", 0.8),
    # reassurance: remove the feeling instead of exploring it
    ("reassurance", r"\b(?:don't(?: you)?|do not|no need to|nothing to|there's no need to|try not to|stop|you shouldn't|you don't have to|you don't need to) (?:worry(?:ing)?|stress(?:ing)?|panic(?:king)?|fret(?:ting)?|be (?:so )?(?:sad|upset|hard on|worried|scared|afraid|down|anxious|nervous)|feel (?:so )?(?:bad|guilty|sad|down|ashamed|embarrassed|silly|stupid)|beat yourself up|blame yourself|be ashamed|give up|lose hope)\b", 0.95),
    ("reassurance", r"\b(?:you'll|you will|you are going to|you're going to|you'd|you would|you're gonna|you can|you'll definitely|you will definitely|you'll surely|you will surely) (?:definitely |surely |certainly |totally |absolutely |probably |soon |eventually |be able to |still |easily |totally )*(?:be (?:fine|okay|ok|alright|all right|great|just fine|absolutely fine|better|good|happy|successful|grand|sorted|amazing|brilliant|okay again)|meet (?:someone|somebody|the one|new people|the right)|get (?:through|over|past|better|there|back on|the job|a (?:new|better|great|good)|(?:it|this|that|things|everything) (?:sorted|done|fixed|back))|make it|pull through|figure (?:it|this|things) out|find (?:a|someone|your|the|another|love|something|better|happiness|peace|your way)|feel (?:better|good|happier|great|fine)|do (?:great|fine|well|amazing|brilliantly|just fine|better)|land (?:on your feet|a)|bounce back|look back (?:on|and)|overcome|handle (?:it|this)|manage|cope|come through|sort (?:it|this) out|beat this|win|pass|ace)", 0.95),
    ("reassurance", r"\b(?:it|things|everything|all|this|that|life|she|he|they|time|the pain|the feeling|this feeling|friends|people|your family|everyone|everybody|true friends|real friends|good friends)(?: will|'ll| is going to|'s going to| are going to| are gonna| gonna| shall| should| must| always| eventually| soon| definitely| surely| just| all| probably| certainly|'s all going to| is all going to| are all going to)+ (?:all )?(?:be (?:fine|okay|ok|alright|all right|better|good|great|over|sorted|worth it)|work (?:out|itself out)|get (?:better|easier)|turn (?:out|around)|improve|pass|fall into place|sort (?:itself|themselves) out|blow over|come (?:together|around|back|right)|look up|heal|settle|calm down|come good|get sorted|ease|fade|go away|resolve|change for the better|forgive you|understand|be back|be (?:a distant memory|forgotten|behind you|in the past|history|a memory|water under the bridge))", 0.9),
    ("reassurance", r"\bi(?:'m| am) (?:so |quite |very |absolutely |totally )?(?:sure|certain|confident|positive|convinced)\b|\bi(?:'m| am) sure\b|\bsurely (?:she|he|they|it|you|things)|\bno doubt (?:she|he|they|you|it)", 0.85),
    ("reassurance", r"\b(?:everyone|everybody|we all|all of us|anyone would|anybody would|so many people|it happens to (?:everyone|all of us|the best|everybody|lots)|every(?:one|body) (?:feels|goes|gets|has|does|struggles|experiences)) (?:feels?|goes? through|gets?|has|have|struggles?|experiences?|deals? with|does|is|are|would feel|would do|in your|in that|at some point|sometimes|from time to time|now and then)|\byou(?:'re| are) (?:not|definitely not|certainly not|never) (?:alone|the only one|the first|weird|crazy|abnormal|broken)|\bit happens to (?:everyone|all of us|the best|everybody|lots|many)|\bwe've all been there\b", 0.9),
    ("reassurance", r"\b(?:it's|it is|that's|that is|this is|thats) (?:completely |totally |perfectly |very |so |quite |entirely |absolutely |just |really |actually |honestly |genuinely |seriously |truly |probably |all )*(?:normal|natural|common|nothing|no big deal|fine|okay|ok|part of life|part of growing up|not a big deal|not that bad|not so bad|not your fault|no one's fault|not the end of the world|a phase|just a phase|just a bad day|only temporary|temporary|to be expected|what happens)\b(?! (?:to (?:ask|want to know|take (?:a|the) (?:break|session)|say)|for (?:people|someone|many|carers|parents|new|those)))|\b(?:it's|it is|that's) not (?:as bad|that serious|worth worrying|worth stressing|a problem|a disaster)", 0.85),
    ("reassurance", r"\b(?:could be worse|could have been worse|at least (?:you|it|he|she|they|there|now)|look on the bright side|bright side|every cloud|silver lining|time heals|time is a great healer|this too shall pass|it is what it is|cheer up|chin up|stay positive|stay strong|hang (?:on )?in there|keep your head up|keep your chin up|think positive|be positive|you've got this|you got this|you can do (?:it|this)|i (?:know|believe|bet) (?:you can|you'll|you will|that you can|that you'll|it will|things will)|i believe in you|have faith|there's (?:always )?(?:light|hope)|plenty (?:more )?fish|things happen for a reason|everything happens for a reason|meant to be|you're better off|better off without|his loss|her loss|their loss|forget about (?:her|him|them|it)|nothing to be ashamed|no reason to (?:feel|be)|you have nothing to|could (?:always )?be (?:a lot |much |so much |far )?worse|(?:there's )?no need to (?:feel|be) \w+|i bet (?:she|he|they|you|it|your)|(?:nobody|no one|no-one)(?: will|'s going to| is going to) (?:even )?(?:remember|notice|care|mind|judge)|it'?ll (?:all )?blow over|you always (?:do|manage|get there|figure it out|bounce back)|hang in there|\b(?:probably |likely )?(?:not|won't|haven't|didn't|hasn't|don't) even (?:have )?(?:noticed|notice|remember|care|mind|realised|realized)|\byou(?:'re| are) not (?:a |an )?(?:bad|terrible|awful|horrible|selfish|useless|stupid|weak|failure|crazy|broken|lazy)\b|(?:'ll| will) grow out of (?:it|this)|go(?:es)? through (?:a )?phases?|you(?:'ll| will) be (?:right|grand|sweet|golden)\b|(?:no one|nobody|no-one)(?:'s| is| will be| is going to be) (?:judging|looking at|thinking|blaming|going to judge|bothered)|you(?:'re| are) (?:totally |absolutely |completely |perfectly |honestly )?(?:fine|okay|alright|all right)(?! with)|i wouldn't (?:read (?:too much |anything )?into|worry|stress|take it personally|dwell)|(?:she|he|they)(?:'s| is|'re| are) (?:probably |likely |maybe )?just (?:busy|tired|stressed|distracted|having a bad|in a mood)|i (?:can )?(?:guarantee|promise)(?: you)?|it's (?:only|just) a (?:job|game|test|exam|thing|relationship|blip|setback|phase)|plenty (?:more )?(?:out there|of (?:other|fish|jobs|people))|i have (?:every |total |complete |full )?faith in you|you(?:'re| are) (?:just )?(?:overthinking|overreacting)|(?:better|brighter) days|the worst is (?:over|behind)|light at the end|you have (?:so much|a lot|everything) (?:going for you|to live for|to offer)|nothing lasts forever)\b", 0.9),
    ("reassurance", r"\b(?:she|he|they|your (?:mum|mom|dad|father|mother|boss|partner|friend|friends|wife|husband|sister|brother|son|daughter|kids|children|family|parents|teacher|manager)) (?:probably |surely |definitely |obviously |still |really )?(?:didn't mean (?:it|to|that)|doesn't mean (?:it|to)|loves? you|cares? about you|means? well|will (?:come round|come around|understand|forgive|get over|be fine|be okay|call)|is (?:proud of you|fine|okay|just busy|probably just))", 0.85),
    ("reassurance", r"\b(?:you|it|things|everything|this|that|she|he|they|we|the kids|your \w+)(?:'ll| will| are going to|'re going to| is going to|'s going to| are gonna|'s gonna)(?: \w+){0,3}? (?:be (?:fine|okay|ok|alright|all right|great|brilliant|grand|good|better)|laugh about|forget (?:all )?about|come (?:round|around|back)|get over it|smash it|ace it|nail it|sail through|survive|love (?:it|you)|say yes|be back)\b|\bwon't be (?:as|that|so) (?:bad|hard|awful|scary)|\b(?:isn't|is not|not|wasn't) (?:that|such|so|as) (?:a )?(?:big(?: a)? deal|bad|serious|important|terrible)|\b(?:at the end of the day|in the grand scheme)\b.{0,30}\b(?:just|only)\b|\b(?:there's|there is) (?:really |honestly |absolutely )?nothing to (?:be )?(?:scared|afraid|worried|ashamed|worry|fear)|\bno need to (?:apologi[sz]e|be sorry|feel|worry|panic)|\bworrying (?:won't|doesn't|will not|does not|never) (?:change|help|fix|solve)|\byou've (?:totally |so |definitely |really )?got this\b|\byou're (?:still )?young\b|\bwhole life ahead|\byou(?:'re| are) (?:such )?an? (?:brilliant|great|good|fantastic|amazing|wonderful|lovely|fab) (?:mum|mom|dad|parent|person|friend|partner|daughter|son|wife|husband|catch)\b|\b(?:they|the kids|it|everything|everyone|he|she)(?:'re| are|'s| is) (?:totally |absolutely |perfectly |honestly )?fine\b|\bremember(?: that)? (?:it|this|things|you)(?:'s| is| will|'ll| won't| are|'re) (?:not forever|temporary|going to pass|pass|okay|fine|not alone|not your fault)", 0.85),
    ("reassurance", r"\byou(?:'re| are) (?:doing|done) (?:so |really |very )?(?:great|well|amazing|fine|brilliantly|a (?:great|good|fantastic|amazing) job|the (?:right thing|best you can)|your best|everything you can|all you can)\b", 0.85),
    ("reassurance", r"\byou(?:'re| are) (?:so |very |really |such a |incredibly |clearly |obviously |definitely |a )?(?:strong|brave|resilient|tough|smart|clever|capable|amazing|wonderful|great|good person|strong person|fighter|survivor|lovely|beautiful|talented|intelligent)\b(?![^.!?]{0,30}\b(?:to (?:have|keep|reach|tell|say|ask|come|stay|leave|admit|face|share|open)|for (?:reaching|telling|keeping|sharing|staying|coming|asking)|the way you|that you))", 0.75),
    # interpretation: tells the client what it means or why, as fact
    ("interpretation", r"\b(?:deep down|subconsciously|unconsciously|underneath it all|at heart|if you're honest with yourself|the real (?:reason|issue|problem|question|story|cause|fear|you)|what's really going on|what's really happening|what you're really|what this is really|what it's really|you're (?:just |really |clearly |obviously )?(?:projecting|in denial|avoiding (?:the|it|your|dealing)|repressing|self[- ]sabotaging|transferring|displacing|catastrophi[sz]ing|making excuses|hiding from|running (?:from|away)|punishing yourself|looking for (?:approval|validation|attention))|classic (?:case|sign|symptom|example|avoidance|anxiety|depression|grief|trauma)|textbook|defen[cs]e mechanism|coping mechanism|a (?:sign|symptom|result) of (?:your|low|deep|unresolved|childhood)|unresolved|your (?:inner child|ego|attachment style|childhood|trauma) (?:is|talking)|(?:anxiety|depression|trauma|insecurity|fear|guilt|grief|jealousy|ego|low self-esteem|perfectionism) talking|that's (?:your|the) (?:anxiety|depression|trauma|insecurity|fear|guilt|grief|jealousy|perfectionism|ego|past|father|mother|childhood)|attachment (?:issue|style|wound)|abandonment issues|daddy issues|mummy issues|mommy issues|trust issues|control issues|self[- ]esteem issues)\b", 0.95),
    ("interpretation", r"\b(?:that's|this is|it's|it is|that is|this is all|it's all|it's really|that's really|that's just|this is just|it's just|it's obviously|it's clearly|that's obviously|that's clearly|it's actually|that's actually|it's probably|that's probably)\s+(?:really |just |actually |all |clearly |obviously |probably |definitely |simply |more |mostly )?(?:about|because of|down to|rooted in|coming from|caused by|a reaction to|a response to|a result of|linked to|tied to|connected to|the result of|the legacy of|what happens when|your way of|a way of|how you)\b", 0.9),
    ("interpretation", r"\b(?:it's|that's|this is|it is|sounds like|you have|you've got|you're suffering from|you're dealing with|you're experiencing|you clearly have|you obviously have)\s+(?:just |simply |obviously |clearly |classic |textbook |definitely |probably |really |plain )?(?:grief|anxiety|depression|burnout|trauma|ptsd|an? (?:anxiety|panic|depressive|eating|attachment|personality|adjustment) (?:disorder|attack|problem|issue)|codependency|co-dependency|ocd|adhd|bipolar|imposter syndrome|impostor syndrome|empty nest syndrome|a midlife crisis|a mid-life crisis|seasonal affective|sad|low self-esteem|commitment issues|a control issue|a fear of (?:failure|abandonment|rejection|intimacy|commitment|success))\b(?:,? plain and simple|,? pure and simple|\.|!|$|,| and | that| which| because| to me)", 0.9),
    ("interpretation", r"\b(?:that's why you|this is why you|which is why you|that's the reason you|the reason you|the reason why you|the only reason you|that explains why you|this explains why you|you only (?:say|do|feel|think|act|want|care|stay|keep|push|react)|you just (?:say that|want (?:attention|approval|validation))|it stems from|stems from your|goes back to (?:your|when you)|has (?:everything|a lot|something) to do with your|comes from your|it's because (?:you|your|of your|deep)|because deep down|you're (?:really |actually |secretly )(?:angry|furious|scared|afraid|jealous|resentful|sad|grieving|terrified) (?:at|of|about|with) (?:your|yourself|him|her|them|the)|you (?:actually |secretly )(?:want|need|crave|fear|resent|hate|love|blame|miss)|you (?:want|need|crave) (?:her|his|their|your (?:mum|mom|dad|father|mother|parents)'?s?) (?:approval|validation|attention|love|acceptance)|you're (?:still )?(?:grieving|mourning|traumati[sz]ed)|you're (?:afraid|scared|terrified) of (?:failure|failing|being|commitment|intimacy|rejection|abandonment|success|getting hurt)|you're (?:just|obviously|clearly) (?:still )?(?:scared|afraid|jealous|angry|insecure|lonely|depressed|anxious|stressed|tired|bored|burnt out|burned out|grieving|overwhelmed|avoiding|hurt|resentful|feeling guilty)|clearly you|obviously you|it's obvious (?:that )?you|you obviously|you clearly (?:feel|are|have|want|need|don't|can't|haven't|resent|blame|fear|hate))\b", 0.9),
    ("interpretation", r"\b(?:typical|classic) (?:of|for) (?:someone|people|men|women|a|an|your)|\bpeople like you\b|\bthat's what (?:happens|people do) when\b|\bthat's (?:typical|classic) (?:\w+ ){0,2}behaviou?r\b|\bthat's how (?:narcissists|abusers|addicts|manipulators|people with|men|women)|\b(?:he|she|they)(?:'s| is| are| was|'re)? (?:(?:just|clearly|obviously|probably|definitely|a) )*(?:narcissist|narcissistic|manipulat\w+|gaslight\w+|toxic|abusive|controlling|jealous of you|insecure|threatened by you|using you|projecting|emotionally unavailable)\b|\b(?:he|she|they) (?:only|just) (?:want|wants|care|cares|said|say|says|did|does|do) (?:that |it |this )?(?:because|to (?:control|hurt|manipulate|get))", 0.85),
    # exploring
    ("summary", r"^so,? [^,]{5,80}, [^,]{5,80},? and (?:now|then|on top of (?:that|it|all that)|also|at the same time) .{3,}", 0.75),
    ("summary", r"^(?:(?:so|well|right|okay|mm|hmm|and|ok so),?\s+)*(?:let me (?:just )?(?:see if i've got|check (?:that )?i've got|just check|summari[sz]e|recap|make sure i|sum up|pull (?:this|that|it) together|try to pull)|to (?:sum|recap|summari[sz]e|pull)|just to (?:recap|summari[sz]e|check i|sum)|in summary|to pull (?:this|that|it) together|putting (?:it|that|this) all together|if i put (?:it|that|this) together|so far (?:you've|we've|you have|we have)|(?:so )?what i'm hearing (?:overall|so far|today) is|(?:so )?(?:we've|you've) (?:talked about|covered|mentioned|told me about|described) .{5,}(?:,| and ).{3,}(?:and|as well as|plus|too))", 0.9),
    ("summary", r"^(?:so,? )?(?:it's been|there's been|you've been dealing with) .{3,60}, (?:then|and|plus) .{3,60},? (?:and now|and then|then|and on top)|^(?:so,? )?(?:there's|there is|you've got|you have|you've had) .{3,60}(?:,|;) .{3,60}(?:,|;)? (?:and|plus|as well as|on top of (?:that|all that)|and now|and then) .{3,}|(?:on one hand|on the one hand).{5,}(?:on the other|and yet|and at the same time|while)|\b(?:first|firstly) .{5,}(?:then|and then|second|secondly) .{5,}(?:and now|and then|and finally|third|lastly|on top of)", 0.8),
    ("affirmation", r"\b(?:you (?:kept|managed|stuck|showed|stood|chose|decided|reached out|took (?:the|a|that|this) (?:step|leap|risk|chance|time)|made it|handled|did (?:that|it|the right|a (?:great|good|brilliant|really))|got through|came (?:here|in|today|back)|spoke up|said no|asked for help|told (?:her|him|them|someone)|went (?:back|ahead|through)|faced|survived|protected|looked after|cared for|put (?:yourself|your)|have (?:done|been (?:so )?(?:brave|honest|strong|working|trying|caring|patient)|worked|shown|managed|kept|come|made|held|stuck|carried|coped|looked after|taken))|you've (?:done|been (?:so |really |very |incredibly )?(?:brave|honest|strong|working|trying|incredibly|really|very|patient|kind|generous|loyal|supportive|caring|resilient|thoughtful|determined|open|dedicated)|worked|shown|managed|kept|come (?:a long|so far|this far)|made|held|stuck|carried|coped|looked after|taken|put (?:in|so)|fought|handled|survived|stayed|done well|achieved|learned|grown|noticed|recogni[sz]ed|figured|found))", 0.85),
    ("affirmation", r"\b(?:(?:that|this|it|which) (?:took|takes|shows|showed|says|said|must have taken|would take|demonstrates|tells me) (?:a lot|real|courage|guts|strength|so much|something|how much|great|a great deal|determination|bravery|honesty|commitment|care)|it says (?:a lot|something) (?:about|that)|(?:that's|that is|it's|it was|that was|which is|what a) (?:a |an )?(?:really |so |very |incredibly |genuinely |pretty )?(?:brave|courageous|admirable|impressive|a big step|a huge step|a real achievement|an achievement|wise|generous|thoughtful|caring|kind|a brave|a wise|a great|a good|a positive|a healthy|huge|big|insightful|self-aware|strong of you|mature|responsible|resourceful|loyal|loving|honest|determined)\b(?: (?:thing|step|choice|decision|move|idea|plan|insight|start|of you|to|that you|realisation|realization|achievement|move))?|i (?:really )?(?:admire|respect|appreciate) (?:how|that|your|the way|you)|i(?:'m| am) (?:really |so )?(?:struck|impressed|moved|touched) by (?:how|that|your|the way|you)|you (?:clearly|really|obviously) (?:care|love|value|want the best|put a lot)|how much you (?:care|love|value|want|give|do)|you care (?:so much|deeply|a lot)|your (?:honesty|courage|strength|commitment|persistence|care|determination|resilience|love|patience|effort|openness|kindness|loyalty|dedication|insight|self-awareness)\b.{0,40}\b(?:is (?:clear|obvious|admirable|impressive|striking)|really (?:shows|comes|stands)|shows|comes (?:through|across)|stands out|is something)|well done|good (?:for you|on you)|great (?:job|work|idea|step|question|insight|plan|start)|you(?:'ve)? (?:did|done) (?:really |so |very |incredibly |extremely )?(?:the right thing|well|a great job|great|brilliantly|amazing|amazingly|fantastically|a good job)|(?:so |really |very )?proud of you|you should be proud|it's (?:clear|obvious) (?:that )?you (?:care|love|value|tried|worked|want)|you're (?:obviously |clearly |really |such )?(?:someone who|a (?:caring|loving|thoughtful|dedicated|devoted|loyal|hard-working|hardworking|committed|generous|kind|good) (?:parent|person|friend|mum|mom|dad|son|daughter|partner|sister|brother|carer|worker|teacher|nurse|colleague))|that's a (?:lot|great deal) to (?:carry|manage|juggle|hold) and you)\b", 0.85),
    ("affirmation", r"\b(?:(?:it's|it is|that's|that is|your (?:feelings|reaction|anger|sadness|fear|worry|response) (?:is|are)) (?:completely |totally |perfectly |very |so |entirely |absolutely )?(?:understandable|valid|legitimate|reasonable|fair enough|justified|makes (?:total |complete |perfect )?sense)|(?:it|that|they|those) (?:makes?|made) (?:total |complete |perfect |a lot of )?sense(?: (?:that|to|you|why|given))?)|\b(?:feelings|reaction|response|anger|worry|fear|sadness) (?:about|to|over) [\w' ]{2,40} makes? (?:total |complete |perfect )?sense", 0.6),
    ("affirmation", r"\byou(?:'re| are) (?:clearly |obviously |really |such )?(?:a|an|the kind of|someone|somebody)(?: \w+){0,2} (?:who|that) (?:fights|cares|keeps|stands|looks|puts|never|works|tries|shows|loves|refuses|protects|gives|won't)\b", 0.85),
    ("affirmation", r"\byou(?:'ve)? (?:keep|kept|still|continued?|carry on|carried on) \w+.{0,40}\beven (?:when|though|if)\b", 0.85),
    ("affirmation", r"\b(?:it's|that's|it is|that is) (?:really |so |very )?(?:good|great|wonderful|brilliant|positive|encouraging|amazing|fantastic) (?:that you|to hear (?:that )?you|you(?:'re| are| have|'ve| did))|\bi'?m (?:so |really |very )?(?:glad|pleased|happy) (?:that )?you(?:'re| are| have|'ve| did| reached| came| feel| decided| were| took| got| could| can| managed| talked| told)|\byou should (?:be|feel) (?:very |really |so )?(?:proud|pleased)|\btook (?:real |a lot of |so much |great |some )?(?:courage|guts|strength|bravery|determination|nerve)|\bhow much [\w' ]{1,40} (?:matters|means) to you|\b(?:matters|means) (?:so much|a lot|a great deal) to you|\beven (?:when|though) it (?:cost|was (?:hard|scary|frightening)|hurt)|\b(?:that's|which is|and that's) (?:not nothing|no small thing|not easy to do|a real strength)", 0.8),
    ("interpretation", r"\b(?:sounds like|it's|that's|this is|it is|that is)(?: just| a| an| such a)? (?:classic|textbook|typical)\b|\b(?:all )?comes? (?:back|down) to\b|\bboils? down to\b|\bat the (?:root|heart|bottom|core) of (?:this|it|all)|\btak(?:e|es|ing) it out on\b|\byou(?:'re| are) (?:just |really |only )?(?:protecting|defending|shielding|sabotaging|punishing) yourself\b|\bis (?:what's )?(?:driving|behind|causing|fuelling|fueling|feeding) (?:all (?:of )?)?(?:this|it|that|everything|the \w+|your \w+)\b|\b(?:self-fulfilling prophecy|cognitive distortion|black[- ]and[- ]white thinking|all-or-nothing thinking|learned helplessness|core belief|people[- ]pleas\w+|codependen\w+|enmesh\w+)|\b(?:that's|it's|this is) (?!what|who|something|someone|why|how|me |you )(?:just )?[\w' ]{2,40} (?:talking|speaking|coming out|showing)\b(?! (?:to|about|with))|\bthat's (?:why|the reason) (?:he|she|they)\b|\b(?:he|she|they)(?:'s| is|'re| are) (?:just |only |probably |clearly |obviously )?(?:testing (?:you|your)|doing (?:it|this|that) (?:for attention|to (?:get|punish|hurt|control|wind))|acting out|attention[- ]seeking|playing you|playing up|manipulating)|\bbecause you(?:'re| are) too (?:soft|strict|hard|lenient|controlling|needy|sensitive|nice|weak)\b|\bremind(?:s|ed)? you of (?:your|him|her)\b|\bbecause of (?:your|what your) (?:dad|mum|mom|father|mother|parents|childhood|past|upbringing|ex|family|trauma|history)\b|\byou(?:'re| are) (?:just |only |really |basically |simply )?(?:looking for (?:someone|something|an excuse|attention|approval)|using (?:\w+ ){1,3}to (?:escape|avoid|hide|numb|cope|distract)|trying to (?:prove|punish|control|escape|avoid|get back at))\b|\bit's (?:clear|plain|evident) (?:that )?you|\bis (?:why|the reason) you\b|\b(?:that's|it's|this is) (?:the|your) (?:\w+ )?(?:wound|pattern|complex|schema|script|issues?) (?:again|talking|showing|coming)|\b(?:that's|it's|this is) (?:the|your) (?:\w+ )?(?:wound|complex|schema)\b|\bwhat's (?:really|actually) (?:bothering|upsetting|driving|eating|hurting|going on with) you\b|\byou(?:'re| are) (?:really |actually |just )?\w+,? not \w+\b|\b(?:basically|essentially|in reality|the truth is|if you ask me|truth be told),? you(?:'re| are| have| just| only| want| need)\b|\b(?:grief|anger|fear|sadness|shame|guilt|hurt|jealousy) (?:disguised|dressed up|masquerading) as\b|\bthe (?:real )?reason (?:[\w']+ ){1,8}is (?:that |because )?(?:you|your)\b|\bthat's what's (?:really )?(?:going on|happening)\b|\bbefore (?:they|he|she|people|anyone) (?:can|could) (?:leave|hurt|reject|abandon|let you down)|\b(?:the|your) \w+ is (?:really|actually|just) (?:\w+ )?(?:sadness|fear|grief|anxiety|hurt|shame|guilt|loneliness|insecurity|jealousy|anger|love|a cry for help)\b|\bsabotag\w*|\bwhat you (?:really|actually|secretly) (?:want|need|fear|mean|feel)\b|\bonly\b[^.?!]{1,40}\bbecause\b|\b(?:your|the) [\w' ]{1,25} is what's (?:making|causing|driving|stopping|keeping)|\bis (?:how|the way) you (?:avoid|cope|escape|hide|numb|protect|punish|distract)|\b(?:just )?like your (?:mother|father|mum|mom|dad|parents)\b|\byou're not (?:really )?\w+,? (?:you're|you are) (?:just |really |actually )?\w+|\bwhat's (?:really )?(?:driving|behind|underneath) (?:this|it|you|all)|\btells me (?:it's|that|this is|you're|you are)|\blet's be honest,? (?:it's|this is|you're|that's)|\b(?:showing|popping|coming|playing) (?:up|out) again\b|\bis really (?:a|an) [\w' ]{1,30} (?:problem|issue|thing)|\b(?:is|are|'s) (?:just |clearly |obviously |only )?projecting\b|\b(?:is|are|was) (?:really |actually |all |just |clearly |obviously )?(?:about|rooted in|down to|coming from|a reaction to|caused by|driven by)\b|\bthat's what (?:this|it) (?:is|'s)(?: really)?(?: about)?\b|\byou (?:want|need|crave) (?:\w+'s|his|her|their) (?:approval|validation|attention|love)|\bthat'?s (?:your|the|just your|just the) [\w' ]{2,30} (?:talking|speaking)\b|\b(?:that's|it's|this is) (?:just|only|all|simply) (?:your|the) (?:insecurity|anxiety|fear|guilt|depression|ego|pride|jealousy|perfectionism|trauma|past|upbringing|childhood|low self-esteem|shame|stress|grief|hormones|inner critic)\b|\byou're not (?:really|actually) (?:upset|angry|sad|scared|worried|hurt|annoyed|bothered) (?:about|by|with)|\b(?:this|that|it) has (?:everything|a lot) to do with\b", 0.9),
    # sympathy that names the client's likely feeling gives it back (MITI: a simple reflection)...
    ("affirmation", r"^(?:oh,? |wow,? |okay,? |yes,? )?(?:that|this|it)(?: sounds| seems|'s|'s| is) (?:like )?(?:a |an )?(?:really |very |so |such a )?(?:good|great|brilliant|sensible|solid|wise|healthy|positive|excellent|fantastic|lovely|smart|helpful|brave) (?:plan|idea|step|move|start|choice|decision|thing to do|way)\b", 0.85),
    ("reflection", r"^(?:oh,? |wow,? |gosh,? |i'm (?:so )?sorry,? )?(?:(?:that|this|it)(?: sounds| seems| must be| must have been| must feel| feels)|(?:that|this|it)(?:'s| is| was| has been|'s been) (?:so |really |very |incredibly |such |pretty |quite )*(?:hard|painful|tough|difficult|frustrating|stressful|scary|lonely|overwhelming|exhausting|a lot|heavy|draining|isolating|upsetting|worrying|confusing|a lot to (?:deal with|carry|take in)|a hard|a tough|a difficult|a scary|a lonely|an exhausting|a stressful|a painful))\b(?! (?:idea|plan|step|thing to do)\b)|^(?:i can (?:only |really |totally |just )?(?:imagine|tell|see|hear) (?:how|that|what)|i (?:can |do |totally |completely |really )?understand (?:how|just how) (?:hard|difficult|tough|painful|lonely|stressful|scary|frustrating|upsetting))\b", 0.7),
    # ...sympathy with no content about the client is the helper's own reaction
    ("other_sympathy", r"^(?:oh,? )?(?:i'm|i am|so|really) (?:so |really |very |truly )?sorry\b|^(?:oh,? )?(?:how (?:awful|horrible|terrible|sad|hard|painful|frustrating|upsetting|difficult)|what a (?:shame|pity|tough|hard|difficult|horrible)|that's (?:a shame|a pity|awful|terrible|horrible|so sad|really sad|rough|shocking|unfair|not fair|crazy|insane))(?: for (?:you|both of you|all of you|the (?:two|both|all) of you|your \w+))?[.!]*$|^(?:i (?:can )?understand\b(?! (?:that |how |why )?(?:you(?:'re| are| feel| felt| must| might| would| have been|'ve been)|your|it's been|this has|that must))|i (?:can |do |totally |completely |really )?(?:understand|know|get) (?:how|why|what) you(?:'re| are)? ?(?:feel|felt|feeling|mean|going through|are going through)(?: right now| now)?[.!]*$|i hear you|i get (?:it|that|you)|i feel you|i know (?:the|that|what you mean|how you feel)|i (?:can )?relate)", 0.7),
    ("other", r"^(?:mm+|hmm+|mhm+|uh[- ]?huh|right|okay|ok|yeah|yes|sure|i see|go on|take your time|no rush|thank you|thanks|hi|hello|hey|good (?:morning|afternoon|evening)|welcome|nice to (?:meet|see)|bye|goodbye|see you|i'm here|i'm listening|sure thing|of course|absolutely|wow|oh|ah|alright|all right|got it|gosh|goodness|blimey|oh dear|you're welcome|no problem|no worries|not a problem|any ?time|my pleasure|glad (?:to|i could) help|take care|sorry,? (?:my|i|the|about)|let's (?:pick|stop|leave|end|wrap|finish)|i (?:went|have been|'ve been|was) (?:through|in) (?:something|a|the same|exactly)|i've been there|me too|same here|i had (?:a|the) similar|you too|you as well|same to you|you(?:'re| are) (?:always |most |very |so )?welcome|good luck|have a (?:good|great|nice|lovely|wonderful|happy|blessed)|i hope you have|(?:it was |it's been )?(?:nice|good|lovely|great) (?:talking|chatting|speaking) (?:to|with)|i'?m (?:so |really )?glad (?:i could|to) (?:help|be)|happy to help|thanks? (?:so much |a lot )?for (?:chatting|talking|the chat))\b[^?]{0,60}[.!]*$", 0.7),
    # self-disclosure: the helper's own story (advice or a promise inside it is caught by the lapse rules first)
    ("other_disclosure", r"^(?:(?:honestly|yeah|oh|ah|well|lol|haha|same|tbh|funnily enough),?\s+)*(?:i (?:(?:also |too |once |myself )?(?:had|went|lived|used to|lost|got|grew up|moved|did|struggled|suffered|dealt|split)|was (?!(?:wondering|thinking|going to|curious|hoping|struck|listening|just wondering)\b)|have had|'ve had|have been (?:through|there|in)|'ve been (?:through|there|in)|remember (?:when|being|feeling)|know (?:exactly )?(?:what|how) (?:that|it|this) (?:feels|is)|am (?:the same|an? \w+ myself)|'m (?:the same|an? \w+ myself))|my (?:\w+ ){0,2}(?:had|went|was|did|used to|lost|got|has been|is also|had the same)|same (?:thing )?(?:happened|here|with me)|(?:that|it|this|the same) (?:happened|happens) to (?:me|my)|me too)\b[^?]*$", 0.7),
    ("other_permission", r"\b(?:would it be (?:okay|ok|alright|all right|helpful)|would you be (?:okay|ok|alright|all right|open|comfortable|happy) (?:with|if|to) (?:me|i|hearing)|would you (?:like|want|be open to) (?:me to|to hear|some|a few|to explore|if i)|is it (?:okay|ok|alright|all right) (?:if|with you|for me)|can i (?:share|offer|suggest|ask|give|tell|check)|may i (?:share|offer|suggest|ask|give|tell)|do you mind if i|would it help if i|shall i (?:share|offer|suggest)|would you like to (?:hear|talk about|focus|start|explore|look at)|where would you like to (?:start|begin)|what would you like to (?:talk|focus|start|cover))\b", 0.75),
    ("information", r"\b(?:we have (?:about |around |roughly )?(?:\d+|ten|five|twenty|fifteen|thirty|a few) minutes|minutes (?:left|remaining)|(?:research|evidence|studies|the research|the evidence|science|data) (?:shows?|suggests?|says?|tells us|indicates)|(?:it's|it is) (?:very |quite |really |pretty |fairly )?common for (?:people|someone|many)|(?:is|are) (?:a )?(?:common|normal|typical|well-known|recogni[sz]ed|known) (?:reaction|response|symptom|side effect|effect|part)|(?:tends?|tend) to (?:get|make|be|come|affect|happen|peak|fade|improve|worsen)|often (?:comes? in waves|gets? worse|affects?|makes?|causes?|leads? to|follows?|happens)|(?:this|our) (?:session|service|conversation|chat) (?:is|will|lasts|runs)|(?:everything|what you say) (?:you say )?(?:here )?is (?:confidential|private)|confidential(?:ity)?|the (?:number|website|line|hotline|helpline|service|law|policy|rule|process|procedure) (?:is|for|says|works|means)|(?:gps?|doctors?|pharmacists?|your employer|hr|the school|the council|a solicitor|a lawyer|the bank|your landlord) (?:can|are able to|is able to|has to|have to|must|usually|often|will usually)|is (?:open|available) (?:from|until|24|every|on|at)|(?:it's|it is) (?:called|known as)|(?:under|by) (?:law|the law)|on average|(?:the|a) (?:first|next) (?:session|step in the process|appointment) (?:is|will)|(?:charities|services|organi[sz]ations|clinics|gps|councils|schools|employers|hospitals|helplines|carers|tenants|employees|landlords) (?:can|usually|often|will|are (?:entitled|able)|have to|offer|provide|must)|(?:are|is) entitled to|you have (?:a|the) (?:legal )?right to|(?:the |each |our )?sessions? (?:runs?|lasts?|is|are) (?:for )?(?:\w+ )?(?:minutes|an hour|weekly|fortnightly)|we'll meet|(?:usually|typically|often|tends? to) (?:peak|last|pass|subside|fade|settle|improve|ease)|i'm a (?:trainee|student|volunteer)|i talk about my work with|usually takes|can take (?:weeks|months|a while|time|up to)|it typically|typically (?:takes|lasts|involves|happens)|(?:can|often|may|will often|tends to) (?:affect|impact|change|disrupt|worsen|lower|raise|increase|reduce) (?:\w+ ){0,2}(?:mood|sleep|appetite|concentration|memory|energy|the body|how)|next (?:week|time|session),? we(?:'ll| will| are|'re)|we'll be (?:meeting|finishing|stopping)|we (?:will|'ll) (?:meet|stop|finish|review|pause|end)|our (?:next|last) (?:session|meeting))", 0.75),
]
_COMPILED = [(lab, re.compile(p), w) for lab, p, w in _RULES]
_IMPERATIVE = re.compile(_SOFT + _IMPERATIVE_VERBS)
_NOT_IMPERATIVE = re.compile(
    r"^(?:take your time|keep your (?:head|chin) up|hang in there|hang on in there|stay (?:strong|positive|hopeful|safe)|keep (?:going|fighting|smiling|strong|your spirits up)|be strong|hold on|have faith|believe in yourself|don't give up|never give up|tell me|talk me through|go on|go ahead|let me|let's|let us|keep going|say more|"
    r"help me understand|try to describe|feel free|remember when|look,|listen,|do you|do go on|start "
    r"(?:wherever|from|where)|start with what|take care|keep (?:well|safe|in touch)|tell us|walk me through|give me|give it a (?:moment|second)|"
    r"check[- ]in|see you|stay with (?:that|it|me)|sit with (?:that|it)|take a moment to (?:notice|tell|think about what)|"
    r"be (?:honest with me|as)|feel)")

_OPEN_Q = re.compile(
    r"^(?:(?:and|but|so|okay|well|oh|hmm|right|now|then|i see|i'm sorry|yeah|sure),?\s+)*(?:what|how(?! (?:old|long|many|much|often|far)\b)|why|in what (?:way|ways|sense)|"
    r"what's|how's|what'd|how'd|tell me|say more|talk me through|walk me through|help me understand|describe|"
    r"(?:can|could|would|will) you (?:tell|say|describe|talk|share|explain|expand|help me|walk me|give me an example|put (?:that|it|words))|"
    r"i'm (?:curious|wondering|interested) (?:what|how|about|why|to hear|to know|in)|i wonder (?:what|how|why)|"
    r"i'd (?:like|love) to (?:hear|know|understand)|i want to (?:understand|hear|know more)|"
    r"what (?:was|is|would|do|does|did|has|have|happens|happened|comes|else)|"
    r"(?:could|can) we (?:talk|explore|look at|stay with|come back)|let's (?:talk|explore|stay with|look at|unpack|think about what)|"
    r"tell us)")
_CLOSED_Q = re.compile(
    r"^(?:(?:and|but|so|okay|well|oh|hmm|right|now|then|i see|yeah|sure|just to check|quick question),?\s+)*"
    r"(?:do|does|did|is|are|was|were|have|has|had|can|could|will|would|should|shall|may|might|am|isn't|aren't|"
    r"don't|didn't|haven't|hasn't|wouldn't|won't|couldn't|doesn't|wasn't|weren't|any|anything|anyone|"
    r"how (?:old|long|many|much|often|far)|when|where|who|which|whose|is there|are there|and you|you)\b")
_SOFT_RE = re.compile(_SOFT)
_REASSURING_TRY = re.compile(r"\b(?:try to )?remember(?: that)? (?:it|this|things|you)(?:'s| is| will|'ll| won't| are|'re)\b|\bstop (?:worrying|stressing|panicking|fretting|beating yourself up)\b|\b(?:try|trying) (?:not to (?:worry|stress|panic|fret|overthink|get (?:upset|down|worked up))|to (?:look on the bright side|stay positive|think positive|be positive|not worry|cheer up|keep your chin up|keep smiling))\b")
_ADVICE_BESIDES_TRY = re.compile(r"\b(?:should|could|try|maybe you|why don't|how about|suggest|recommend)\b")
_CLAUSE = re.compile(r"(?:,|;| - | and then | but )\s*(?:just |maybe |perhaps |and |then |so )?(?=[a-z])")
# Typed chat often drops the question mark: a sentence built like a question is one.
_Q_FORM = re.compile(
    r"^(?:(?:and|but|so|okay|ok|well|oh|hmm|right|i see|yeah|sure|also),?\s+)*(?:(?:what|how|why|where|when|who|which)(?:'s|'re|'d| (?:is|are|was|were|do|does|did|have|has|had|would|could|can|will|should|might|made|makes|happened|happens|helps|kind|sort|else|exactly|often|long|much|many|old|far|brings|keeps|stops|comes|came|went|goes|feels|felt|would|part|thoughts|support)\b)|"
    r"(?:do|does|did|are|is|was|were|have|has|can|could|would|will|should|had)(?:n't)? (?:you|your|they|he|she|it|things|anyone|anybody|there|that|this|we)\b)(?!.*[.!]$)")
_ENDS_Q = re.compile(r"\?[\s.!?)\]:x-]*$")
_COULD_YOU = re.compile(r"\b(?:could|can|would|will|won't|couldn't) you (?:maybe |perhaps |just |please |possibly |not |at least |ever )?|\bis there (?:any|some|a) (?:way|chance) (?:that )?you (?:could|can|might) |\byou(?:'ve)? (?:just |really |simply )?(?:have to|gotta|got to) ")
# A declarative sentence with a question mark gives the client's words back to check them: a reflection.
_DECLARATIVE_Q = re.compile(r"^(?:(?:so|and|okay|ok|right|oh|ah|mm|hmm|i see|wow),?\s+)*(?:(?:it )?sounds? like|it seems|(?:it|that|this)(?:'s| is| was) (?:the|more|mostly|really|not|just|about|like|all)\b|(?:the|his|her|their) \w+(?: \w+)? (?:is|was|has|have|are|were|keeps|kept|just|still|never|always|won't|doesn't|didn't|isn't|hasn't|can't)\b|you(?:'re| are| feel| felt| have been|'ve been| were| really| just| still| kind of| sort of)|your \w+(?: \w+)? (?:is|was|has|have|are|were|doesn't|didn't|won't|isn't|keeps|just|never|always)|(?:he|she|they) (?:is|was|has|are|were|doesn't|didn't|won't|isn't|keeps|just|never|always|said|told)|it's (?:been|like|as if)|(?:that|this) (?:made|makes|left|leaves) you)")
# "You feel you should...", "she says you should...": the client's or someone else's words, reported, not a directive.
_REPORTED = re.compile(r"\b(?:you|she|he|they|her|him|them|people|everyone|someone|your \w+)(?:'re| are| were| keep| keeps| kept)? (?:\w+ )?(?:feel|feels|felt|feel like|feels like|felt like|think|thinks|thought|believe|believes|believed|say|says|said|saying|tell you|tells you|told you|worry|worried|wonder|wondering|afraid|scared|guilty|expect|expects|expected|heard)(?: that)?,?\s*$")
_WH_STEM = re.compile(r"\b(?:what|who|which|how)(?: do you think| would you say| might| could| else)?\s*$")
_WH_BEFORE = re.compile(r"\b(?:what|which|how|where|who|when|why)\s*$")
_RELATIVE = re.compile(r"\b(?:anyone|someone|somebody|anybody|people|friends|who|whom|something|anything|one|person|place|ways?|sure|whether|doubt|know if|sure if)\s*$")
_HARD_INTERPRETATION = re.compile(r"\b(?:to me|\w+ talking|catastrophi[sz]ing|textbook|classic|plain and simple|pure and simple|obviously|clearly|deep down|the real|in denial|projecting|that's why you|the reason you)\b")
_TENTATIVE_Q = re.compile(r"^(?:(?:and|so|i wonder|i'm wondering),?\s+)*(?:is it possible|could it be|might it be|i wonder if|i'm wondering if|am i right|would it be fair to say|does it feel like|is it (?:a bit |almost |kind of )?like) (?:that )?(?:part of you|a part of you|some of|you|there's|it's|this is|what)")
_OPEN_STATEMENT = re.compile(
    r"^(?:(?:so|and|okay|well|i see|mm),?\s+)*(?:tell me|say more|talk me through|walk me through|help me understand|i(?:'m| am| was) (?:curious|wondering|just wondering) "
    r"(?:what|how|about|why|where)|i wonder (?:what|how|why|where)|i'd (?:like|love) to (?:hear|know|understand)|i want to (?:understand|hear more))")
INVITES_TELLING = re.compile(r"^(?:(?:so|and|okay|ok|well|i see|mm|right),?\s+)*(?:tell me|say more|talk me through|walk me through|"
                             r"take me through|help me understand|fill me in|paint me a picture)\b")
"""An imperative that asks to be told ("Walk me through a normal workday."): it directs the talk, not the client's
life, so it is an open question, never advice."""
_WH_CLAUSE = re.compile(r"(?:^|, )(?:what|how(?! (?:old|long|many|much|often|far)\b)|why|where do you|where does)\b[^,]*\?$|^(?:where do you|where does (?:that|it|this))\b")
TYPED_QUESTION = re.compile(r"(?:^|[.!,;:]\s*|\b(?:but|and|so|ok|okay|just)\s+)(?:are|r|do|did|have|has|is|was|were|would|could|"
                             r"can|will|should|wud|cud|any)\s+(?:you|u|ya|ye|yu|there|it|that|thoughts|ideas)\b")
"""A question typed without its question mark ("soz if this is blunt but r u thinking of killing urself")."""
_RISK_Q = re.compile(
    r"\b(?:suicid\w*|kill(?:ing)? yourself|end(?:ing)? (?:your (?:own )?life|it all|things|your life|it)|take your (?:own )?life|"
    r"hurt(?:ing)? yourself|harm(?:ing)? yourself|self[- ]?harm\w*|cut(?:ting)? yourself|(?:not|don't|do not) (?:wanting|want) to (?:be here|live|be alive|wake up|go on|exist)|"
    r"not be(?:ing)? here|thoughts? (?:of|about) (?:dying|death|not being|ending|being dead|hurting|harming)|wish(?:ing)? you (?:were|was) dead|"
    r"want(?:ing)? to die|are you safe|keep yourself safe|feel safe|safe right now|better off without you|no point (?:in )?(?:living|going on|being here)|"
    r"overdose|plan to|a plan|pills|life (?:isn't|is not|not) worth)")
_RISK_ASK = re.compile(r"\?|\b(?:i want to ask|i'd like to ask|i need to ask|can i ask|may i ask|i'm wondering if|i wonder if|i want to check|can i check|i'd like to check|i need to check|let me ask|tell me (?:about|more)|i'm asking)\b")
# "...is that right?" after a reflection checks it; it asks nothing new.
_CHECK_Q = re.compile(r"^(?:(?:and|so|okay|or),?\s+)*(?:is that (?:right|it|fair|correct|true|close)|am i (?:getting|hearing|reading) (?:that|this|you|it) right|(?:did|have) i (?:get|got) (?:that|it)(?: right)?|does that (?:fit|sound right|make sense)|is that how it (?:is|feels)|right|yeah|no)\?$")
_TAG_Q = re.compile(r"(?:,|\s)(?:right|yeah|isn't it|aren't you|don't you|didn't you|isn't that|no|huh|correct|true)\?$")


_QUOTED = re.compile(r'"[^"]{1,300}"|(?<![\w\'])\'[^\']{1,80}\'(?!\w)')


_PRIORITY = ("advice", "interpretation", "reassurance")


def fold(text: str) -> str:
    """Lower-case and fold informal spellings so one set of patterns covers many registers."""
    s = text.lower().replace("’", "'")
    for pat, rep in _FOLD:
        s = pat.sub(rep, s)
    return s.strip()


@dataclass(frozen=True)
class Cue:
    """One sentence's act as the rules read it."""

    label: str          # one of the ten labels, or "" when no rule fired
    strength: float     # how sure the rule is (0 when nothing fired)
    sentence: str       # the sentence as written (evidence)
    match: str          # the words that triggered it
    is_question: bool


def _lapse_of_leading(s: str) -> str:
    """A leading question carries an opinion; which lapse depends on what the opinion is about."""
    for lab, pat, _w in _COMPILED:
        if lab in ("reassurance", "interpretation") and pat.search(s):
            return lab
    if re.search(r"\b(?:because|about your|really about|the reason|deep down)\b", s):
        return "interpretation"
    if re.search(r"\b(?:not that bad|fine|okay|alright|overreact|worth worrying|big deal|normal)\b", s):
        return "reassurance"
    return "advice"


def sentence_cue(sentence: str, client_text: str = "") -> Cue:
    """Label one sentence; `client_text` lets an explanation that repeats the client's own reason stay a reflection."""
    s = _QUOTED.sub('"that"', fold(sentence))
    is_q = bool(_ENDS_Q.search(s) or _TAG_Q.search(s) or (_Q_FORM.match(s) and not s.endswith("!")))
    tentative = bool(TENTATIVE.search(s))
    hits: dict[str, tuple[float, str]] = {}
    for lab, pat, w in _COMPILED:
        if lab in hits:
            continue
        for m in pat.finditer(s):
            before = s[:m.start()]
            if not (lab == "advice" and (_RELATIVE.search(before) or _WH_BEFORE.search(before) or _REPORTED.search(before))
                    or lab == "interpretation" and _WH_STEM.search(before)):
                hits[lab] = (w, m.group(0))
                break
    could = _COULD_YOU.search(s)
    if could and "advice" not in hits:
        rest = s[could.end():]
        if _IMPERATIVE.match(rest) and not _NOT_IMPERATIVE.match(rest) and not _RELATIVE.search(s[:could.start()]):
            hits["advice"] = (0.85, could.group(0) + rest.split(" ")[0])
    imp = _IMPERATIVE.match(s)
    if imp and not _NOT_IMPERATIVE.match(s[len(_SOFT_RE.match(s).group(0)):]) and "advice" not in hits:
        hits["advice"] = (0.85, imp.group(0))
    for clause in _CLAUSE.split(s)[1:]:
        imp = _IMPERATIVE.match(clause)
        if imp and not _NOT_IMPERATIVE.match(clause[len(_SOFT_RE.match(clause).group(0)):]) and "advice" not in hits:
            hits["advice"] = (0.8, imp.group(0))
    if "advice" in hits and "reassurance" in hits and _REASSURING_TRY.search(s) and not _ADVICE_BESIDES_TRY.search(_REASSURING_TRY.sub("", s)):
        hits.pop("advice")
    if "advice" in hits and re.search(r"\byou should (?:\w+ )?(?:be|feel) (?:\w+ )?(?:proud|pleased)", s):
        hits.pop("advice")
    if "leading" in hits:
        w, m = hits.pop("leading")
        lab = _lapse_of_leading(s)
        hits.setdefault(lab, (w, m))
    # "you must be exhausted" is empathy, not a directive; "it sounds like you should" is still advice.
    if "advice" in hits and re.search(r"\byou (?:must|have to) (?:be|feel|have (?:been|felt))\b", s) and not re.search(r"\b(?:should|need to|try|could)\b", s):
        hits.pop("advice")
    if "interpretation" in hits:
        w, m = hits["interpretation"]
        if (tentative and not _HARD_INTERPRETATION.search(s)) or _inside_client_words(s, client_text):
            hits.pop("interpretation")
            hits.setdefault("reflection", (0.7, m))
    if not hits and not is_q and _because_clause_imposed(s, client_text):
        hits["interpretation"] = (0.6, s)
    if not is_q and _OPEN_STATEMENT.match(s) and not any(k in hits for k in _PRIORITY):
        return Cue("open_question", 0.8, sentence, s, False)
    if "other_permission" in hits and "advice" in hits and re.search(r"\b(?:if i|me to|can i|may i|shall i|do you mind if i)\b", s):
        hits.pop("advice")
    if "other_permission" in hits and not any(k in hits for k in _PRIORITY):
        return Cue("other", hits["other_permission"][0], sentence, hits["other_permission"][1], is_q)
    if is_q and _CHECK_Q.match(s):
        return Cue("other", 0.5, sentence, s, True)
    if is_q and _TENTATIVE_Q.match(s) and not any(k in hits for k in _PRIORITY):
        return Cue("reflection", 0.8, sentence, s, True)
    if is_q and not hits and not _OPEN_Q.match(s) and _DECLARATIVE_Q.match(s):
        return Cue("reflection", 0.7, sentence, s, True)
    if is_q and not any(k in hits for k in _PRIORITY):
        lab = "open_question" if _OPEN_Q.match(s) else "closed_question"
        if lab == "closed_question" and (_WH_CLAUSE.search(s) or re.search(r"\b(?:what|how|why)\b(?! if| about)", s) and not _CLOSED_Q.match(s)):
            lab = "open_question"
        return Cue(lab, 0.85, sentence, s, True)
    if not hits:
        lab = _reflection_like(s)
        if lab:
            return Cue(lab, 0.6, sentence, s, is_q)
        return Cue("", 0.0, sentence, "", is_q)
    order = ("advice", "interpretation", "reassurance", "summary", "affirmation", "other_permission",
             "information", "reflection", "other_sympathy", "other_disclosure", "other")
    lab = max(hits, key=lambda k: (k in _PRIORITY and hits[k][0] >= 0.8, -order.index(k), hits[k][0]))
    w, m = hits[lab]
    return Cue(lab.split("_")[0], w, sentence, m, is_q)


_REFLECT = re.compile(
    r"^(?:(?:so|and|it|yeah|okay|hmm|right|mm|maybe|perhaps|i think|i guess|and yet|but),?\s+)*(?:sounds? (?:like|as if|as though)|it sounds|it seems|seems like|you seem|"
    r"you(?:'re| are) (?:feeling|really|so|quite|pretty|a bit|kind of|sort of|very|still|just|both|not|left|caught|torn|stuck|"
    r"exhausted|tired|frustrated|angry|sad|lonely|scared|worried|overwhelmed|hurt|confused|furious|gutted|drained|fed up|done|"
    r"anxious|nervous|afraid|ashamed|embarrassed|disappointed|heartbroken|lost|unsure|uncertain|carrying|juggling|holding|"
    r"wondering|questioning|trying|struggling|finding|worn|burnt|burned|feeling)|you feel|you felt|you(?:'ve| have) been|"
    r"you (?:really |just |also |still )?(?:want|wanted|wish|miss|hate|love|don't want|can't|couldn't|didn't|never|need|needed|"
    r"care|worry|fear|dread|feel)|part of you|a part of you|some part|i (?:can |do )?(?:understand|see|tell) (?:that |how |why )?(?:you|your|it's been|this has)|i (?:hear|'m hearing|can hear|get the sense|sense|"
    r"get that|notice|'m noticing|can see)|i wonder if|i'm wondering if|i'm guessing|i imagine|i suspect|it's as (?:if|though)|"
    r"on (?:the )?one hand|what i'm hearing|if i understand|it's been|that's been|this has been|must (?:be|feel|have been)|"
    r"you must|almost as if|there's (?:a|some) (?:part|sense|feeling)|so there's|so for you|for you,? |the (?:hardest|worst) "
    r"(?:part|thing)|you(?:'re| are) (?:not sure|wondering|asking yourself)|it feels|feels like|nothing (?:you do|seems)|"
    r"(?:the|your) \w+ (?:feels|seems|has been|is) |you've had|so,? (?:the|your|it|this|that|for you) |there's (?:a lot of|some|a bit of|a part|also|a sense|something)|that [\w' ]{1,40} (?:really )?(?:stuck|stayed) with you|you're|you are|you)")


def _reflection_like(s: str) -> str:
    """Declarative sentences about the client's experience read as reflections when no other cue fired."""
    if s.endswith("?") and not _REFLECT.match(s):
        return ""
    m = _REFLECT.match(s)
    if not m:
        return ""
    if m.group(0).strip() in ("you", "you're", "you are") and len(s.split()) > 14:
        return ""
    return "reflection"


_BECAUSE = re.compile(r"^(?:(?:so|and|yeah|well|honestly|i think|basically|hmm|ok|okay|right|mm|ah|oh),?\s+)*(?:you|you're|you are|you've|your|that's|this is|it's)\b.*?\b(?:because|due to)\b([^,;]+)")


def gives_back_a_cause(trainee_text: str, client_text: str) -> bool:
    """True when a sentence explains the client's feeling with the cause the client gave (a reflection): the model
    reads only the trainee's words, so this is the rules' call."""
    return any(_inside_client_words(fold(s), client_text) for s in sentences(clean(trainee_text)))


def _inside_client_words(s: str, client_text: str) -> bool:
    """An explanation built from what the client already said is a reflection, not an interpretation."""
    m = _BECAUSE.match(s)
    if not m or not client_text:
        return False
    reason = content_words(m.group(1))
    known = set(content_words(client_text))
    return bool(reason) and sum(w in known or w.rstrip("s") in known for w in reason) / len(reason) >= 0.6


# Causes a helper imports from the client's history or character rather than from what they said.
_HISTORY = frozenset("""mother father mum mom dad parents parent childhood past always never upbringing ex trauma fear fears
insecurity insecure self-esteem control approval abandonment rejection jealous jealousy ego pride denial deserve worth worthy
enough depressed depression anxious anxiety ashamed shame guilt guilty lonely scared afraid like yourself love yourself""".split())


def _because_clause_imposed(s: str, client_text: str) -> bool:
    """'You feel X because Y' with a Y the client never said imposes a cause (judged only when we know what they said)."""
    m = _BECAUSE.match(s)
    if not m or not client_text.strip():
        return False
    known = set(content_words(client_text))
    novel = [w for w in content_words(m.group(1)) if w not in known]
    named_cause = m.group(1).lstrip().startswith("of ") and bool(novel)  # "because of X": a cause, named
    return not _inside_client_words(s, client_text) and (named_cause or len(novel) >= 3 or any(w in _HISTORY for w in novel))


def asks_about_risk(text: str) -> bool:
    """True when the turn asks (not tells) about self-harm or suicide."""
    for sent in sentences(clean(text)):
        s = fold(sent)
        if _RISK_Q.search(s) and (_RISK_ASK.search(s) or TYPED_QUESTION.search(s)):
            return True
    return False


def turn_cues(trainee_text: str, client_text: str = "") -> list[Cue]:
    return [sentence_cue(s, client_text) for s in sentences(clean(trainee_text))]


def combine(cues: list[Cue]) -> Cue:
    """The turn's most consequential act: a lapse anywhere, else a question, else the strongest exploring act."""
    if not cues:
        return Cue("other", 0.5, "", "", False)
    lapses = [c for c in cues if c.label in _PRIORITY]
    if lapses:
        return max(lapses, key=lambda c: (c.strength >= 0.8, -_PRIORITY.index(c.label), c.strength))
    questions = [c for c in cues if c.label in ("open_question", "closed_question")]
    if questions:
        opens = [c for c in questions if c.label == "open_question"]
        return opens[-1] if opens else questions[-1]
    checks = [i for i, c in enumerate(cues) if c.is_question and _CHECK_Q.match(c.match)]
    given_back = [c for c in cues[:checks[0]] if not c.label and not c.is_question] if checks else []
    if given_back and not any(c.label in ("summary", "reflection") for c in cues):
        return Cue("reflection", 0.7, given_back[-1].sentence, given_back[-1].sentence, False)  # "..., is that right?"
    for lab in ("summary", "reflection", "affirmation", "information", "other"):
        found = [c for c in cues if c.label == lab]
        if found:
            return max(found, key=lambda c: c.strength)
    return Cue("", 0.0, cues[-1].sentence, "", cues[-1].is_question)
