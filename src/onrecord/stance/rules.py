"""The default, offline stance backend: relevance by keywords and discourse context, then
stance from modality, negation, evaluative words, deliberation and conditions."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..actors.gazetteer import PLACE_BEFORE, RULERS_IN
from ..actors.places import is_place
from ..model import Span, Stance, Target
from ..parse import MID_SENTENCE_CAPITAL

NEGATORS = re.compile(r"\b(not|never|no|cannot|neither|nor)\b|\B(n[’']t)\b", re.I)  # "won't": n't within the word

CONDITION_AFTER = re.compile(
    # ("for as long as it takes" is no condition: for good)
    r"\b(only if|if|unless|provided(?: that)?|(?<!for )as long as(?! (?:it|that) takes?\b)|on condition that|so long as|only once|only when|"
    r"only after|not until|(?:must|will have to|has to|have to|should|can only) wait (?:for|until)|"
    r"(?:only )?in (?:return|exchange) for|"
    r"(?:hinges?|depends?|dependent|contingent|conditional) (?:\w+ly )?on|subject to|"
    # what must come first: "any dialogue must begin with a ceasefire"
    r"(?:must|should|has to|have to|will have to|can only) (?:begin|start|open) with|(?:must|should) be preceded by)\b",
    re.I)
NOTHING_UNTIL = re.compile(r"\bnothing (?:more |further )?to (?:discuss|talk about|negotiate)\b[^.;]{0,20}?\b(?:until|unless)\s+(\S)", re.I)
# "without X (,) there will be no Y", "no Y (is possible) without X": X comes first
CONDITION_WITHOUT = re.compile(
    r"\bwithout\s+([^,.;]{3,80}?),?\s+(?:there\s+(?:will|would|can|could)\s+be\s+|we\s+(?:will|would|can)\s+(?:have|sign|see)\s+)no\b|"
    r"\bno\s+(?:[\w\-’']+\s+){1,4}?(?:(?:is|will be|would be)\s+possible\s+|can\s+(?:happen|succeed)\s+)?without\s+([^,.;]{3,80})",
    re.I)
CONDITION_BEFORE = re.compile(r"\b(must|needs? to|has to|have to|should)\b[^.;]{0,80}?\bbefore\b", re.I)
# "must take effect before the harvest": a deadline, what is wanted soon, not what must come first
DEADLINE = re.compile(
    r"\s+(?:(?:the|this|next|its|their|our|a|an)\s+)?(?:[\w\-’']+\s+){0,3}?"
    r"(?:end|start|beginning|close|middle|deadline|elections?|vote|referendum|summit|harvest|games|olympics|season|"
    r"winter|summer|spring|autumn|fall|holidays?|christmas|recess|break|session|weekend|week|month|year|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{4})\b"
    r"(?!\s+(?:is|are|was|were|can|could|will|would|begins?|starts?|ends?|takes? place)\b)", re.I)
# "Before we take that step, we need to see whether the talks produce anything": what must come first
CONDITION_BEFORE_FRONTED = re.compile(
    r"(?:^|(?<=[.;!?\"“])\s*)before\s+[^.;,]{3,120},?\s+(?:we|they|I|you|he|she|it|the\s+\w+)\s+"
    r"(?:must|needs?(?:\s+to)?|ha(?:s|ve)\s+to|should|wants?(?:\s+to)?|will\s+need(?:\s+to)?|requires?)\s+"
    r"(?:(?:see|know|be\s+sure|make\s+sure|be\s+certain)\s+)?([^.;]{3,150})", re.I)
CONDITION_ONLY = re.compile(r"\bonly\s+((?:an?|the)\s+[^.;,]{3,80}?)\s+(?:will|would|can|could|may)\b", re.I)
# "will only restore relations when they withdraw": "only" before the verb, its condition after it
CONDITION_ONLY_SPLIT = re.compile(r"\bonly\s+(?:[\w\-’']+\s+){1,6}?(when|if|after|once)\s+([^.;,]{3,120})", re.I)
# "would consider more deliveries once our stocks allow it", "as soon as the rebels free the hostages":
# "once" opening a clause with its subject
CONDITION_ONCE = re.compile(r"(?:\bas soon as|\bthe (?:moment|minute|instant|day)|(?<!\bat )(?<!\bjust )\bonce)\s+(?!again\b|more\b|before\b|in\b|a\s+(?:year|week|month|day)\b|possible\b)"
                            r"((?:the|our|their|its|his|her|this|that|these|those|we|they|it|he|she|[A-Z][\w\-]*)\b"
                            r"[^.;,]{3,80})", re.I)
# "will stay in place until the last district is secure": a state of things that ends it
# ("until the end of the year", "until further notice" name a time, not a condition)
CONDITION_UNTIL = re.compile(r"\buntil\s+((?:the|our|their|its|his|her|this|that|these|those|we|they|it|he|she|[A-Z][\w\-]*)\b"
                             r"[^.;,]{0,50}?\b(?:is|are|has|have|can|agrees?|returns?|stops?|ends?|compl(?:y|ies)|accepts?|"
                             r"releases?|withdraws?|leaves?|lays?|hands?|improves?|falls?|drops?)\b(?!\s+of\b)[^.;,]{0,60})")
MODAL = re.compile(r"\b(?:will|would|could|can|may|might|shall|ready to|willing to|prepared to)\b", re.I)
# "needed parliamentary approval for any new shipment": what must be granted first
CONDITION_APPROVAL = re.compile(r"\b(?:needs?|needed|requires?|required|would require|subject to|pending|"
                                r"must (?:have|get|obtain|win|secure))\s+"
                                r"((?:an?\s+|the\s+)?(?:[\w\-]+\s+){0,2}(?:approval|consent|authori[sz]ation|mandate|"
                                r"green light|sign-off|ratification|vote))\b", re.I)
# "must be approved by parliament first": whose approval it waits on
CONDITION_APPROVED_BY = re.compile(r"\b(?:must|will have to|would have to|has to|have to|needs? to|should)\s+be\s+(?:first\s+)?"
                                   r"((?:approved|ratified|endorsed|authori[sz]ed|cleared|signed off|sanctioned)\s+by\s+"
                                   r"[^.;,]{2,60}?)(?=\s+(?:first|beforehand|before|within)\b|\s*[.;,]|\s*$)", re.I)

# "Any IMF loan must protect spending on health", "any truce would have to allow aid in": what
# the speaker requires of it, whichever one comes
CONDITION_ANY = re.compile(r"\bany\s+(?:[\w\-’']+\s+){0,5}?(?:must|will have to|would have to|has to|have to|"
                           r"needs? to|will need to|would need to)\s+([^.;]{3,150})", re.I)

UNDECIDED = re.compile(
    r"\b(options? (?:will |would |are |is |being |remain )*(?:be )?(?:considered|on the table|open)|"
    r"all (?:those |the |of the )?options|no decisions?(?: has| have)?(?: been)?(?: made)?|"
    r"(?:not|n[’']t) (?:yet )?(?:decided|(?:made|reached|taken) (?:a|any) (?:firm |final )?decisions?)|undecided|"
    r"(?:is|are|was|were) (?:still |now |currently |\w+ly )?reviewing|"
    r"(?:will|would|is to|are to|shall) be (?:reviewed|reconsidered|re-examined|revisited|reassessed)|"
    r"(?:not|n[’']t) rule (?:anything |it |that |this )?out|(?:divided|split|torn) (?:over|on|about) (?:whether|how)|"
    r"(?:is|are|was|were|remains?|remained) (?:\w+ly )?(?:divided|split|torn) (?:over|on|about)|"
    r"looking at (?:a (?:range|number) of |all (?:the )?|the )?options|get ahead of|"
    r"consider(?:s|ing|ed)? (?:contingencies|options|whether|how)|begun to consider|"
    r"weigh(?:s|ing)? (?:options|whether)|do we or don[’']t we|under review|"
    r"(?:has|have) not ruled out|not rul(?:ed|ing) (?:anything |it |that |this )?out|"
    r"(?:nothing|no option) (?:is|has been|will be|remains) (?:taken )?off the table|everything (?:is|remains) on the table|deliberat\w+|debat(?:e|es|ing) whether|"
    r"debat(?:e|es|ed|ing) the (?:pros and cons|merits)|"
    r"considered forms? of|is considering|are considering|(?:could|would|might|may) consider|too early to (?:say|tell)|"
    r"(?:not|n[’']t|never) (?:yet |been )*(?:taken|take|taking) (?:\w+ )?off the table|"  # "an option we have not taken off the table"
    r"(?:remains?|remained|stays?|stayed|still|is|are|was|were) (?:firmly |very much )?on the table|"
    r"(?:is|are|was|were|remains?|remained)(?: not|n[’']t) off the table|"  # "retaliation is not off the table"
    r"remains? an option|remained an option|open to (?:the idea|the possibility|considering|discussing)|"
    r"keep(?:s|ing)? an open mind|no consensus (?:[\w\-]+ ){0,4}?(?:on|over|about)|"
    r"(?:not|n[’']t) (?:yet )?(?:taken|adopted|reached|formed) (?:a|any) (?:formal |firm |final |common )?(?:position|view|stance)|"
    r"(?:not there yet|(?<!not )under (?:discussion|consideration)|(?:studying|examining|assessing|reviewing|looking into) "
    r"(?:the )?(?:legal |possible |likely |full )?(?:basis|case|feasibility|merits|options)\b)|"
    r"(?:studying|examining|assessing|reviewing|looking into) (?:the )?(?:legal |possible |likely |full )?"
    r"(?:implications|consequences|ramifications)|(?:not|n[’']t) (?:yet )?made up (?:our|my|his|her|their) minds?|wait and see|"
    r"too (?:soon|early) to (?:say|decide|judge)|(?:will|would|to|yet to) decide (?:on|whether|about)|decision (?:\w+ ){0,4}(?:has|have) not (?:yet )?been (?:taken|made)|(?:studying|examining|assessing) (?:the|a|this|that) (?:proposal|plan|idea|request)|"
    # weighing what is open ("weighing all our options", "will weigh the proposal"), a choice not yet made
    r"(?:weigh|consider|review|stud(?:y|ie)|examin|assess)(?:s|es|ed|ing|e)? (?:all |the |our |its |their |every |several |"
    r"various |a (?:range|number) of |[\w\-]+[’']s? )*(?:options|possibilities|alternatives|proposals?|requests?)|"
    r"(?:yet to|still to) (?:decide|agree|determine|settle|make up)|"
    r"(?:yet to|still to|not yet) (?:make|made|reach|reached|take|taken|issue|issued|give|given) (?:a|any|its|his|her|their) "
    r"(?:final |firm |formal )?(?:decision|recommendation|call|choice|ruling|determination)|"
    r"before (?:deciding|making (?:a|any|its|the|our|their) (?:final )?decision|a decision is (?:made|taken))|"
    r"(?:one of|among) (?:several|many|a (?:number|range) of|the|various) (?:[\w\-]+ )?(?:options|possibilities|alternatives)|"
    r"(?:remains?|remained|is|was) (?:still )?a (?:real |distinct )?possibility|"
    r"(?:decision|verdict|ruling) (?:on|about) [^.;]{1,60}? (?:will|would|is expected to) (?:come|be (?:made|taken))"
    r" (?:after|once|when|following|only after)|"
    # "would not be taken before the summit", "is not expected until July": a decision put off
    r"(?:decision|verdict|ruling) (?:on|about) [^.;]{1,120}? (?:(?:will|would) not (?:come|be (?:made|taken))|"
    r"(?:is|was) not expected) (?:before|until))\b", re.I)

# words no stance is taken with ("would not comment") and verbs that ask for a thing to end
# ("urge X to stop Y"), shared by the lexicons below
COMMENT_VERBS = r"(?:comment|say|discuss|speculate|confirm|elaborate)"
# what a speaker won't claim about a thing is no refusal of it: "I won't pretend we can force a
# ceasefire", "we will not promise quick results", "I won't sugarcoat it"
CANDOUR_VERBS = r"(?:pretend|claim|promise|guarantee|predict|lie|sugarcoat|sugar-coat|hide|deny|overstate|minimi[sz]e)"
TO_END = (r"[^;!?]{0,60}?\bto (?:\w+ )?(?:stop|halt|end|cancel|abandon|drop|scrap|refrain|reconsider|reverse|"
          r"withdraw|suspend|freeze|block)")

# giving way, which a speaker refuses when holding a course ("we will not be intimidated")
YIELD = (r"(?:intimidated|deterred|cowed|bullied|silenced|blackmailed|pressured|back(?:ing)? down|give in|"
         r"give way|bow(?:ing)? to|yield|cave|retreat|surrender|budge)")
# what one stands by in refusing it: "will not abandon the people of the Sahel", "won't walk away from"
FORSAKE = r"(?:abandon|walk away from|turn (?:our|its|their|his|her|my) backs? on|desert|betray|give up on|let \w+ down)\b"
DEFIANCE = re.compile(r"\b(?:(?:will|would|shall|must|do|does|did|can)(?: [\"“]?not|n[’']t)|won[’']t|cannot|never)\s+"
                      r"(?:be\s+)?" + YIELD + r"\b", re.I)

OPPOSE = re.compile(
    r"\b(ill-advised|not feasible|unjustifi(?:ed|able)|unwarranted|meaningless|pointless|futile|(?:resistance|reluctance|hostility) to|resist(?:s|ed|ing)?|"
    r"(?:goal|aim|objective|intention)s?(?:,[^,.;]{1,60},)? (?:is|was|remains?) not to|unfeasible|infeasible|unacceptable|unwise|oppose[sd]?|opposition to|"
    r"reject(?:s|ed)?|rule[sd]? out|(?:will [\"“]?not|won[’']t|would [\"“]?not)(?! " + COMMENT_VERBS + r"| " + CANDOUR_VERBS + r"\b| (?:be )?" + YIELD + r"| hesitate|"
    r" " + FORSAKE + r")|"
    r"cannot support|do(?:es)? not support|(?:urge[sd]?|urging|call(?:s|ed|ing)? on)\b" + TO_END + r"|"
    r"could not exist|no (?:plans?|intention) to|(?:is|are|was|were|be|been)\s+(?:not|never)\s+(?:\w+\s+)?"
    r"(?:necessary|justified|warranted|proportionate|legitimate|lawful)|(?:not|n[’']t) (?:even |currently |actively |seriously )?(?:considering|contemplating)|a mistake|premature|counterproductive|"
    r"not (?:be )?(?:directly )?involved|refuse[sd]? to|not an option|(?<!not )(?<!n[’']t )off the table|"
    r"(?:not|no longer|n[’']t) (?:\w+ )?on the table|"  # "retaliation was not on the table for now"
    r"against (?:any|an?|the)|warn(?:s|ed)? against|no appetite|"
    r"den(?:y|ies|ied)|false|untrue|not true|hoax|fake|debunk(?:s|ed)?|refut(?:e|es|ed)|baseless|"
    r"no evidence|bogus|fabricated|nonsense|no truth|disqualifying|wrong|outrageous|an? (?:total |complete )?waste of|"
    r"frozen|shelved|on hold|scrapped|(?:is|was|are)(?: not|n[’']t) the (?:right )?(?:time|moment) (?:for|to)|"  # "the project was frozen"
    r"(?:clos\w*|shut\w*|slamm\w*) the door|door (?:\w+ )?(?:is|was|has been|remains?|remained) (?:\w+ly )?(?:closed|shut)|"
    # and against it: "a grave error", "no role for", "makes no sense"
    r"an? (?:grave |serious |big |huge |terrible |historic )?(?:error|blunder)|(?:serious )?doubts (?:about|over)|"
    r"scepti?cal|skeptical|not the (?:right )?answer|no (?:role|case|place|need|reason|justification|room) for|(?:only )?make[s]? (?:things|matters) worse|"
    r"makes? no sense|a (?:dangerous )?distraction|reckless|irresponsible|misguided|folly|not convinced|unconvinced|"
    r"(?:a )?non-starter|unnecessary|not needed|dead in the water|out of the question|argu(?:e|es|ed|ing) against|"
    r"naive|na[iï]ve|unrealistic|a trap|not on (?:our|the) agenda|not under (?:discussion|consideration)|question(?:s|ed|ing)? the (?:wisdom|need|logic|merits?) of|"
    r"(?:cannot|can[’']t|must not|mustn[’']t|should not|shouldn[’']t) (?:go ahead|proceed|happen|continue)|"
    r"(?:cannot|can[’']t|must not|mustn[’']t|should not|shouldn[’']t) (?:be allowed to )?(?:become|be made) "
    r"(?:the new normal|permanent)|(?:cannot|can[’']t|must not) (?:go on|last) (?:forever|for ever|indefinitely)|"
    r"cost(?:s|ing)? (?:us|our|the|them|this|taxpayers|[A-Z]\w+) (?:[\w\-]+ ){0,3}?(?:millions|billions|dearly|jobs|lives))\b", re.I)

SUPPORT = re.compile(
    r"\b(should accept|accept(?:s|ed)?|support(?:s|ed|ing)?|back(?:s|ed|ing)?(?! down| off| away)|endorse[sd]?|welcome[sd]?|"
    r"favou?r(?:s|ed)?|in favou?r of|must act|need to (?:act|intervene|move|start|accelerate)|"
    r"ready to|willing to|prepared to|will help|committed to|approve[sd]?|for as long as (?:it|that) takes|"
    r"cannot allow|must not allow|can(?:not|[’']t) let|have to find a way|should (?:intervene|act|deploy|help)|"
    r"(?:cannot|can[’']t|must not) (?:stand|sit) (?:on the sidelines|idly by|by)|"
    r"confirm(?:s|ed)?|verified|agree(?:s|d)? (?:with|that)|done deal|go-ahead|green light|"
    r"(?:should|must) (?:take effect|go ahead|proceed|be (?:adopted|introduced|imposed|approved|implemented|extended|"
    r"built|finished|completed|put in place|in place))|"
    # what policy speech says for a thing: "the right thing to do", "push for", "essential"
    r"the right (?:thing|decision|step|move|call|approach|tool|response|course)|(?:push|press)(?:es|ed|ing)? for|"
    r"(?:urge[sd]?|urging)(?!" + TO_END + r"| (?:\w+ )?(?:restraint|calm|caution|patience))|"
    # "will not hesitate to take further action"; "the strikes were limited, necessary and proportionate"
    r"(?:will|would|shall|do|does|did)(?: not|n[’']t) hesitate|won[’']t hesitate|"
    r"(?:will|would|shall|must|can)(?: not|n[’']t| never)\s+" + FORSAKE + r"|won[’']t\s+" + FORSAKE + r"|"
    r"(?:have|has|had)(?: not|n[’']t| never)\s+(?:given up on|abandoned|deserted|walked away from)|"
    # "the talks are not dead", "the deal is still alive": kept going
    r"(?:not|n[’']t|far from)\s+(?:yet\s+)?dead\b|(?:is|are|remains?|still|very much)\s+alive\b|"
    r"(?:is|are|was|were|be|been|remains?|remained)\s+(?:(?!not\b|never\b)[\w\-]+,?\s+(?:and\s+)?){0,3}?"
    r"(?:necessary|justified|warranted|proportionate|legitimate|lawful)(?!\s+(?:to|for|if|only)\b)|"
    r"the only (?:path|way|route|road) (?:to|forward|out)|"
    r"(?:is|are|was|were|remains?) (?:the|our) (?:best |right |surest |quickest )?(?:path|way|route|road) (?:to|forward|out)|"
    # "the door to dialogue remains open", "leave the door open to talks", "never closed the door to"
    r"(?:not|n[’']t|never)\s+(?:\w+\s+)?(?:clos\w*|shut\w*|slamm\w*) the door|door\b[^.;!?]{0,40}?\b(?:remains?|remained|is|was|stays?|stayed|still) (?:always |still |\w+ly )?(?:wide )?open|"
    r"(?:keep|kept|leave|left)(?:s|ing)? (?:the|our|a|all|these|those) (?:[\w\-]+ ){0,6}?(?:wide )?open\b|"
    r"(?:is|are|was|were|be|remains?) (?:absolutely |still |very |extremely )?(?:essential|vital|crucial|indispensable|important)|the (?:only )?way forward|"
    r"make[s]? a (?:real |big |huge )?difference|stands? ready|determined to|call(?:s|ed|ing)? for|"
    r"pledge[sd]? to|promise[sd]? to|advocat(?:e|es|ed|ing)|champion(?:s|ed)?|no objections?|applaud(?:s|ed)?|"
    r"is the answer|an? (?:good|great|positive|important|welcome) (?:step|idea|move)|(?:long )?overdue|a matter of (?:principle|(?:[\w\-]+ ){0,2}(?:security|survival)|life and death)|the only language (?:[\w\-]+ ){1,5}understands?|"
    r"(?:high|about) time|(?:it is|it['’]s|now is the) time (?:for [\w\s]{1,30}? )?to"
    r"(?! (?:\w+ )?(?:stop|halt|end|abandon|drop|scrap|give up|move on|forget|rethink|reconsider|reverse)\b)|"
    r"(?:serves?|served|serving|in) (?:our|the|everyone['’]s|[A-Z]\w+['’]s) (?:[\w\-]+ ){0,2}?interests?|the least (?:we|they|you|I|he|she|it|the \w+) (?:can do|could do|owe|must do)|"
    r"argu(?:e|es|ed|ing) (?:for|in favou?r)|(?:a|the|our|top) priority|(?:see|sees|saw) (?:some |real |great )?merit|"
    r"(?:is|remains?) (?:our|the|a) (?:[\w\-]+ )?(?:goal|aim|objective|ambition|aspiration)|campaign(?:s|ed|ing)? for|"
    # "the goal, he said, is to forge a durable truce", "our aim remains to reach a deal"
    r"(?:goal|aim|objective|ambition|aspiration|intention|mission)s?(?:,[^,.;]{1,60},)? (?:is|was|remains?|remained|will be|has been) "
    r"(?:still |now |clearly |simply )?to|"
    # what a speaker works toward: "working toward a truce", "an effort to broker a deal"
    r"(?:work(?:s|ed|ing)?|striv(?:e|es|ed|ing)|mov(?:e|es|ed|ing)) (?:hard |steadily |quickly )?toward?s?|"
    r"(?:efforts?|bid|attempts?|drive|push|initiative) to (?:broker|reach|secure|achieve|forge|negotiate|restore|revive|"
    r"salvage|strike|seal|clinch|conclude|finalize|finalise)|"
    r"expect(?:s|ed|ing)? [\w\s]{1,30}? to (?:stand by|hono(?:u)?r|accept|say yes|implement|abide by|respect))\b",
    re.I)
# "ruled out | any foreign force", "welcomed | the plan": the verb that governs a noun-phrase
# content, just before it, is the speaker's verdict on it
GOVERNING_OPPOSE = re.compile(r"\b(?:ruled out|rules out|ruling out|rejected|rejects|opposed|opposes|condemned|"
                              r"condemns|denounced|denounces|dismissed|dismisses|refused|refuses|vetoed|blocked|"
                              r"warned against|warns against|warning against|argued against|argues against|"
                              r"spoke out against|speaks out against|critici[sz]ed|slammed|fought|"
                              r"protest(?:ed|s|ing)?|complain(?:ed|s|ing)? (?:about|of)|object(?:ed|s|ing)? to|"
                              r"(?:protest|complaint|d[eé]marche|objection)s?\b[^.;]{0,30}?\b(?:over|against|about|at|regarding|to)|"
                              r"vowed to fight|vowed to block)\s+$", re.I)
# "declined | to endorse such sanctions", "refused | to rule out strikes": a verdict withheld
WITHHELD = re.compile(r"\b(?:declin(?:ed|es|ing)|refus(?:ed|es|ing)|would not|wouldn[’']t|did not|didn[’']t)\s+$", re.I)
VERDICT_WITHHELD = re.compile(r"\W*to\s+(?:\w+ly\s+)?(?:endorse|back|support|commit(?:\s+\w+)?\s+to|rule\s+out|oppose|reject|"
                              r"condemn|criticize|criticise|say\s+(?:whether|if))\b", re.I)
GOVERNING_WEIGHED = re.compile(r"\b(?:reviewing|weighing|considering|studying|examining|assessing|mulling|"
                               r"looking at|exploring|re-?evaluating|reassessing)\s+$", re.I)
GOVERNING_SUPPORT = re.compile(r"\b(?:welcomed|welcomes|backed|backs|endorsed|endorses|supported|supports|praised|"
                               r"praises|called for|calls for|urged|urges|demanded|demands|approved|approves|"
                               r"championed|pushed for|pressed for|proposed|proposes|offered|offers)\s+$", re.I)
HEDGES = re.compile(
    r"\b(reportedly|allegedly|alleged|claims?|claimed|unconfirmed|unverified|rumou?rs?|"
    r"could not (?:be )?(?:independently )?(?:verif(?:y|ied)|confirm(?:ed)?)|it is (?:not |still )?unclear|"
    r"remains unclear|according to|purportedly|supposedly)\b", re.I)


QUESTION_SKIP = {"be", "have", "do", "should", "will", "would", "can", "could", "may", "must", "shall",
                 "enough", "own", "its", "their"}
# Before the question's own predicate: words that refuse it ("refused to release") or ask for
# it ("should release", "the sooner he releases, the better").
REFUSE = re.compile(r"\b(not|cannot|\w*n[’']t|never|no|refus\w*|declin\w*|reluctan\w*|resist\w*|against|"
                    r"avoid\w*|stop\w*|without|unwilling|fight\w*|block\w*|prevent\w*|halt\w*|oppos(?:e|es|ed|ing))\b", re.I)
ASK = re.compile(r"\b(should|must|need\w*|has to|have to|ought|vot(?:e|es|ed|ing)(?: \w+ly)? to|urg\w*|call\w* (?:on|for)|demand\w*|"
                 r"sooner|better|requir\w*|free to|willing|ready|will|would|plan\w* to|want(?:s|ed)? to|time to|vow\w*|"
                 r"pledg\w*|promis\w*)\b", re.I)
NEGATIVE_PREFIX = ("un", "in", "im", "ir", "dis", "non")


@lru_cache(maxsize=256)
def _question_doc(question: str):
    try:
        from .. import nlp as nlp_mod
        return nlp_mod.load()(question)
    except Exception:  # no model: the lexical rules still work
        return None


def question_predicates(question: str) -> tuple[str, ...]:
    """The verbs and adjectives the question asks about ("release", "retaliate", "fit"); an adjective
    before its noun ("a regional force") names a thing, not what is asked of it."""
    doc = _question_doc(question)
    if doc is None:
        return ()
    return tuple(dict.fromkeys(t.lemma_.lower() for t in doc
                               if (t.pos_ == "VERB" or t.pos_ == "ADJ" and not (t.dep_ == "amod" and t.i < t.head.i))
                               and t.lemma_.lower() not in QUESTION_SKIP
                               and len(t.lemma_) > 2))


@lru_cache(maxsize=256)
def question_entities(question: str) -> tuple[str, ...]:
    """Surnames and names of the people or bodies a question is about ('Trump', 'Clinton')."""
    try:
        from .. import nlp as nlp_mod
        doc = nlp_mod.load()(question)
    except Exception:
        return ()
    return tuple(dict.fromkeys(t.text for t in doc if t.pos_ == "PROPN" and t.text[:1].isupper()
                               and t.ent_type_ not in ("GPE", "LOC", "NORP", "FAC") and not is_place(t.text)  # no one
                               and (t.i + 1 == len(doc) or doc[t.i + 1].pos_ != "PROPN")))


@lru_cache(maxsize=256)
def question_people(question: str) -> tuple[str, ...]:
    """The question's names that may be people's: not a body's ("the UN", "Congress"), whose
    members and organs speak of it under other names ("the Security Council")."""
    try:
        from .. import nlp as nlp_mod
        doc = nlp_mod.load()(question)
    except Exception:
        return ()
    bodies = {t.text for t in doc if t.ent_type_ == "ORG" or t.text.isupper()}
    return tuple(n for n in question_entities(question) if n not in bodies)


PERSONAL = re.compile(r"\b(he|she|his|her|him|they|their|its)\b", re.I)


def about_someone_else(target: Target, text: str, s: int, e: int) -> bool:
    """The question names someone; the statement names others and neither them nor a pronoun."""
    names = question_people(target.question)
    if not names:
        return False
    chunk = text[s:e]
    if any(re.search(r"\b%s\b" % re.escape(n), chunk) for n in names) or PERSONAL.search(chunk):
        return False
    others = re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+ [A-Z][a-z]+\b", chunk)
    return bool(others)


def _names_question_verb(target: Target, text: str, s: int, e: int) -> bool:
    return any(re.search(r"\b%s" % re.escape(_stem(p)), text[s:e], re.I) for p in question_predicates(target.question))


def _names_question_place(target: Target, text: str, s: int, e: int) -> bool:
    """Does the statement name a government or place the question names ("... a settlement in
    eastern Congo" for a question on sending a force to Congo)? People are left out: a question about
    someone says little about a statement that names them."""
    from ..actors import load_gazetteer

    gaz = load_gazetteer()
    names = [n for n in question_names(target.question, gaz) if n[0] == "org" or is_place(n[1])]
    chunk = text[s:e]
    return any(value in gaz.named(chunk) if kind == "org" else re.search(r"(?<!\w)%s" % re.escape(value), chunk)
               for kind, value in names)


def _stem(word: str) -> str:
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def predicate_votes(target: Target, text: str, s: int, e: int, topics=()) -> dict[str, list[Span]]:
    """Stance toward what the question asks: its predicate, asked for or refused. A verb of its
    direction counts too when the question's topic follows it ("must scrap the controls" asks to
    lift them), and one of the opposite direction the other way ("must end the mission" refuses
    to renew it). Under "claimed": words that belong to these votes and are no verdict of their own."""
    votes: dict[str, list[Span]] = {"support": [], "oppose": []}
    for pred in question_predicates(target.question):
        pattern = re.compile(r"\b(?:(%s)(%s)|(%s))\w*" % ("|".join(NEGATIVE_PREFIX), re.escape(_stem(pred)),
                                                          re.escape(_stem(pred))), re.I)
        kin, counter = (REMOVE_VERBS | REDUCE_VERBS, KEEP_VERBS) if pred in REMOVE_VERBS else \
            (KEEP_VERBS, REMOVE_VERBS | REDUCE_VERBS) if pred in KEEP_VERBS else (set(), set())
        same, against = (_before_topic(text, s, e, verbs - {pred}, topics) for verbs in (kin, counter))
        for m in [*pattern.finditer(text, s, e), *same, *against]:
            label = (lambda lab: {"support": "oppose", "oppose": "support"}[lab]) if m in against else (lambda lab: lab)
            window = text[max(s, m.start() - 45):m.start()]
            window = re.split(r"[.;:!?]", window)[-1]
            if NO_COMMENT.search(window):  # "would not comment on the deployment": no side taken
                continue
            if m.re is pattern and m.group(1):  # "unfit", "unacceptable", "dishonest"
                votes["oppose"].append(Span.of(text, m.start(), m.end()))
            elif re.search(r"\b(?:not|n[’']t)\s+hesitate\b", window, re.I):  # "will not hesitate to strike"
                votes[label("support")].append(Span.of(text, m.start(), m.end()))
            elif REFUSE.search(window):
                # "Why won't he release ...?" and "it is wrong to refuse to release" ask for it
                refusal = REFUSE.search(window)
                demanded = re.search(r"\bwhy\b", window, re.I) or OPPOSE.search(window.split(refusal.group(0))[0])
                votes[label("support" if demanded else "oppose")].append(Span.of(text, m.start(), m.end()))
                if m in against:  # "will not cut the mission": the refusal belongs to this vote, no verdict of its own
                    at = m.start() - len(window)
                    votes.setdefault("claimed", []).append(Span.of(text, at + refusal.start(), at + refusal.end()))
            elif ASK.search(window) or text[m.end():m.end() + 30].lower().startswith((" the better", ", the better")) \
                    or (not window.strip(" \"“‘'") and m.group(0).lower() == pred):  # "Release the aid now."
                votes[label("support")].append(Span.of(text, m.start(), m.end()))
        # to lift a thing is to end it: "the embargo should remain" refuses lifting it, and
        # "the sanctions must be lifted" refuses a question that keeps them
        for words, label in ((KEEP, "oppose"), (REMOVE, "support")) if pred in REMOVE_VERBS else \
                ((KEEP, "support"), (REMOVE, "oppose")) if pred in KEEP_VERBS else ():
            for m in words.finditer(text, s, e):
                flipped = {"support": "oppose", "oppose": "support"}[label]
                negated = _negated(text, m.start())
                votes[flipped if negated else label].append(Span.of(text, m.start(), m.end()))
                if negated:  # "would not be lifted": the "would not" is this vote's, no refusal of its own
                    at = max(s, m.start() - 20)
                    votes.setdefault("claimed", []).extend(
                        Span.of(text, at + x.start(), at + x.end()) for x in NEGATORS.finditer(text[at:m.start()]))
    return votes


def _before_topic(text: str, s: int, e: int, verbs: set[str], topics) -> list[re.Match]:
    """Where one of ``verbs`` acts on the question's topic: the topic follows it closely and
    ends its noun phrase ("ease trade barriers" acts on barriers, not on trade)."""
    if not verbs or not topics:
        return []
    pattern = re.compile(r"\b(?:%s)(?:s|es|d|ed|ped|ping|ting|ing)?\b" % "|".join(
        re.escape(_stem(v)) for v in sorted(verbs)), re.I)
    heads = [t for t in topics if not _noun_after(text, t.end, e)]
    return [m for m in pattern.finditer(text, s, e) if any(0 <= t.start - m.end() <= 30 for t in heads)]


# a modal asking for what follows it: "should lower rates", "must not resume talks"
# or an intention: "we want to leave the court", "there should be a pullout"
MODAL_BEFORE = re.compile(r"\b(?:should|must|ought to|needs? to|has to|have to|had better|want(?:s|ed)? to|"
                          r"intends? to|plans? to|(?:is|are|am) going to|(?:we|I) (?:will|shall)|we['’]ll|I['’]ll|would like to|wish(?:es)? to)"
                          r"(?:\s+(?:not|never))?\s+(?:(?:immediately|now|quickly|finally|also|simply|just)\s+)?"
                          r"(?:be\s+(?:an?|no)\s+)?$", re.I)


# what a policy would bring, said of it as the subject: "X would destabilise the region"
CONSEQUENCE = re.compile(
    r"\s+(?:would|could|will|might|may)\s+(?:only\s+|simply\s+|just\s+|also\s+|likely\s+|surely\s+)?"
    r"(?:(?P<harm>destabili[sz]e|undermine|harm|hurt|damage|weaken|endanger|jeopardi[sz]e|embolden|reward|"
    r"provoke|backfire|invite|inflame|escalate|isolate|derail|sabotage|fuel|play into|put [\w\s]{1,30} at risk|"
    r"cost|destroy|ruin|wreck|threaten|drive (?:away|out)|"
    r"set a (?:dangerous )?precedent|be self-defeating|push [\w\s]{1,30}?(?:further )?(?:away|into the arms of)|"
    r"send [\w\s]{1,30}?(?:through the roof|soaring|spiral(?:l?ing)?)|be a gift to)|"
    r"(?P<good>protect|strengthen|help|save|boost|create|stabili[sz]e|restore|secure|deter|improve|"
    r"bring (?:[\w\-]+ ){0,3}?(?:jobs|investment|growth|prosperity|stability|peace|relief|security)|"
    r"send a (?:clear|strong|powerful) (?:message|signal)|pave the way))\b", re.I)


def _consequence(text: str, s: int, e: int, topics) -> tuple[str, Span] | None:
    """The question's topic as the subject of what it would bring: its first mention opens the
    statement ("Imposing tariffs on steel would protect jobs"), a modal and the effect follow."""
    first = min(topics, key=lambda t: t.start, default=None)
    if first is None or len(text[s:first.start].split()) > 2:
        return None
    gap = re.match(r"[^,.;:!?]{0,40}?(?=\s+(?:would|could|will|might|may)\s)", text[first.end:e])
    m = CONSEQUENCE.match(text, first.end + len(gap.group(0))) if gap else None
    if not m or m.end() > e:
        return None
    return ("oppose" if m.group("harm") else "support"), Span.of(text, m.start(), m.end())


def _noun_after(text: str, pos: int, end: int) -> bool:
    nxt = re.match(r"[ \t]+([a-z][\w\-]*)", text[pos:end])
    return nxt is not None and nxt.group(1) not in STOP_WORDS and not nxt.group(1).endswith("ly")


NO_COMMENT = re.compile(r"\b(?:not|n[’']t|never|declin\w*|refus\w*)\s+(?:to\s+)?" + COMMENT_VERBS + r"\b", re.I)
REMOVE_VERBS = {"lift", "end", "remove", "scrap", "repeal", "abolish", "cancel", "withdraw", "drop", "ease", "phase",
                "close", "dismantle", "revoke", "terminate", "abandon", "suspend", "expel", "oust", "deport", "evict",
                "eject"}
REDUCE_VERBS = {"cut", "reduce", "shrink"}
DESERVE = {"deserve", "merit", "need"}  # what someone should have
KEEP_VERBS = {"keep", "maintain", "extend", "renew", "retain", "preserve", "prolong", "tighten", "continue"}
KEEP = re.compile(r"\b(?:stays?|stayed|staying|remains?|remained|stay in place|remain in (?:place|force)|keep(?:s|ing)? (?:it|them|in place)|"
                  r"(?:to )?(?:hold|continue|go on)\b(?! (?:talks|a |the |on to))|(?:to|will|would|should|must|can|could|may|might) last\b|"
                  r"\blast(?:s|ed)\b|"
                  r"(?:be|been) (?:kept|maintained|extended|renewed|retained|tightened)|maintain(?:ed|ing)? (?:it|them)|"
                  r"extend(?:ed|ing)? (?:it|them)|"
                  # "will ask parliament for another ninety days of emergency rule"
                  r"(?:ask|seek|request|want|need|propos)\w*\b[^.;]{0,40}?\b(?:another|a further|an extra|(?:\w+ )?more) "
                  r"(?:[\w\-]+ ){0,2}(?:days?|weeks?|months?|years?) of)\b", re.I)
REMOVE = re.compile(r"\b(?:expire[sd]?|lapse[sd]?|run out|(?:come|comes|came|coming) to an end|"
                    r"(?:must|should|has to|have to|needs? to|will|ought to) (?:now |finally |soon |simply )?(?:go|end)"
                    r"(?=\s*(?:[.;,!?\"”]|$|now\b|soon\b|immediately\b))|(?:be|been) (?:lifted|ended|removed|scrapped|repealed|abolished|cancell?ed|withdrawn|dropped|"
                    r"eased|revoked|terminated|suspended|cut|reduced|scaled (?:back|down)|wound down|phased out|shortened|curtailed)|lift(?:ed|ing)? (?:it|them)|(?:scrap|end)(?:ped|ed|ping|ing)? (?:it|them))\b", re.I)


_VADER = None


# words of names and topics that carry no one's evaluation: "the United Nations Security Council",
# "the Department of Justice", "sanctions relief", "Venezuelan crude"
NAME_WORD = re.compile(MID_SENTENCE_CAPITAL.pattern + r"|\b[A-Z][\w\-’']*(?=\s+[A-Z])", re.M)  # or opening a name
CRUDE_OIL = re.compile(r"(?:\b[A-Z][a-z]{2,}\s+|\bof\s+)crude\b|\bcrude(?=\s+(?:oil|output|exports?|imports?|"
                       r"prices?|production|sales|shipments?|supplies|futures|stocks|inventories)\b)")


def valence(text: str, topics: tuple[tuple[int, int], ...] = ()) -> float:
    """A sentiment lexicon's compound score (VADER), the weakest evidence of stance. Names,
    the question's own topic words (``topics``, offsets into ``text``) and crude oil are left
    out: they are what is spoken of, not how."""
    global _VADER
    if _VADER is None:
        try:
            from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
            _VADER = SentimentIntensityAnalyzer()
        except ImportError:
            _VADER = False
    if not _VADER:
        return 0.0
    chars = list(text)
    words = re.findall(r"[A-Za-z][\w\-’']*", text)
    headline = sum(w[0].isupper() for w in words) > 0.6 * len(words)  # "Clinton Hid Past Health Problems"
    spans = [*topics, *((m.start(), m.end()) for r in ((CRUDE_OIL,) if headline else (NAME_WORD, CRUDE_OIL))
                        for m in r.finditer(text))]
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return _VADER.polarity_scores("".join(chars))["compound"]


@dataclass(frozen=True)
class Relevance:
    score: float
    evidence: tuple[Span, ...]
    from_context: bool
    hits: tuple[Span, ...] = ()  # every keyword mention in the statement (evidence holds the first three)


@lru_cache(maxsize=1024)
def _term_re(term: str) -> re.Pattern:
    """A keyword and its plural; a longer last word also as a verb ("patrols": "patrolled")."""
    *lead, last = term.split()
    stem = last[:-1] if len(last) > 6 and last.endswith("s") and not last.endswith("ss") else last
    verbal = len(stem) >= 6 and stem.isalpha() and stem.islower()
    body = r"\s+".join(map(re.escape, [*lead, stem if verbal else last]))
    return re.compile(r"(?<!\w)%s%s(?!\w)" % (body, r"(?:s|es|ed|d|ing|led|ling)?" if verbal else r"(?:s|es)?"), re.I)


def relevance(target: Target, text: str, content: Span, context: list[tuple[int, int]]) -> Relevance | None:
    hits = tuple(Span.of(text, m.start(), m.end()) for term in (*target.keywords, *target.means)
                 for m in _term_re(term).finditer(text, content.start, content.end))
    if hits:
        return Relevance(1.0, hits[:3], False, hits)
    for start, end in context:
        for term in (*target.keywords, *target.means):
            m = _term_re(term).search(text, start, end)
            if m:
                return Relevance(0.6, (Span.of(text, m.start(), m.end()),), True)
    return None


def _negated(text: str, start: int, window: int = 20) -> bool:
    before = re.split(r"[,;:.!?]", text[max(0, start - window):start])[-1]  # "has not changed: it must"
    return bool(NEGATORS.search(before))


# a refusal on these terms holds while they do: "would not support it as long as talks go on";
# after "unless", "until" or "only if" it is support on terms ("will not act unless ...")
WHILE_TERMS = {"if", "as long as", "so long as", "provided", "provided that", "on condition that"}


def _refused_while(text: str, s: int, m: re.Match) -> Span | None:
    """The refusal in the clause a condition qualifies ("would not support", "will not"), or None."""
    if m.group(1).lower() not in WHILE_TERMS:
        return None
    start = max(s, *(text.rfind(c, s, m.start()) + 1 for c in ".;!?"))
    main = text[start:m.start()]
    supports = [(x, _negated(main, x.start())) for x in SUPPORT.finditer(main)]
    refusals = [*OPPOSE.finditer(main), *(x for x, negated in supports if negated)]
    affirmed = [x for x, negated in supports if not negated and not any(r.start() <= x.start() < r.end() for r in refusals)]
    if not refusals or affirmed:
        return None
    first = min(refusals, key=lambda x: x.start())
    return Span.of(text, start + first.start(), start + first.end())


def _once_after_modal(text: str, s: int, e: int) -> re.Match | None:
    """'would consider ... once X': a condition; 'once the fire was out' or 'would not ... once' is none."""
    m = CONDITION_ONCE.search(text, s, e)
    if m is None or re.match(r"\w+\s+(?:can|could|are able|is able)\b[^.;,]{0,12}$", m.group(1)):
        return None  # "as soon as we can": no condition
    if re.search(r"\b(?:is|will be|would be) the day\b", m.group(1), re.I):
        return None  # "the day guns are allowed is the day I resign": a threat, not terms
    lead = text[max(s, m.start() - 80):m.start()]
    modal = list(MODAL.finditer(lead))
    if not modal or re.search(r"[.;:!?]", lead[modal[-1].end():]) or NEGATORS.search(lead[modal[-1].start():]):
        return None
    return m


def _only_split(text: str, s: int, e: int) -> re.Match | None:
    """'will only restore relations when X': a condition; 'they only talk when they need money'
    (no modal: a habit) is none."""
    m = CONDITION_ONLY_SPLIT.search(text, s, e)
    if m is None:
        return None
    lead = re.split(r"[.;:!?,]", text[max(s, m.start() - 60):m.start()])[-1] + text[m.start():m.start(1)]
    return m if MODAL.search(lead) else None


def _until_after_modal(text: str, s: int, e: int) -> re.Match | None:
    """'will stay until X is secure', 'will not lift it until prices fall': a condition; 'waited until
    the ministers arrived' is none."""
    m = CONDITION_UNTIL.search(text, s, e)
    if m is None:
        return None
    lead = re.split(r"[.;:!?]", text[max(s, m.start() - 80):m.start()])[-1]
    return m if MODAL.search(lead) or KEEP.search(lead) else None


def _clause_end(text: str, start: int, limit: int) -> int:
    m = re.compile(r"[.;]|,\s+(?:and|but)\s|\s—\s").search(text, start, limit)
    return m.start() if m else limit


# "Asked whether Norway would accept arbitration, he said: 'Not on these terms.'": a short answer
# takes its side on what the question asked
ASKED_WHETHER = re.compile(r"\b(?:Asked|Pressed|Questioned)\s+(?:\w+\s+){0,3}?(?:whether|if)\s+([^.;?]{3,200}?)[,:]"
                           r"[^.;]{0,80}$")
ANSWER_NO = re.compile(r"[\s\"“‘']*(?:no|not|never|absolutely not|certainly not|of course not)\b", re.I)
ANSWER_YES = re.compile(r"[\s\"“‘']*(?:yes|absolutely|certainly|of course|definitely)\b(?![\s,]+not\b)", re.I)


# nouns that point back at what a paragraph spoke of ("the plan", "this proposal")
POINTER_NOUNS = (r"plan|proposal|idea|move|measure|draft|resolution|step|option|initiative|request|offer|deal|bill|"
                 r"decision|demand|call|policy|approach")
# a restriction on the thing the question names, right before it: "its long-standing restrictions on"
RESTRICTION_NOUNS = r"bans?|curbs?|restrictions?|limits?|controls?|embargo(?:es)?|moratorium|prohibition|caps?"
RESTRICTION = re.compile(r"\b(?:%s|restrict\w*)\b" % RESTRICTION_NOUNS, re.I)
RESTRICTION_BEFORE = re.compile(r"\b(?:%s)\s+on\s+(?:[\w\-’']+\s+){0,2}$" % RESTRICTION_NOUNS, re.I)


def _verb_forms(verbs: set[str]) -> str:
    """Every form of these verbs ("ease": eases, eased, easing; "scrap": scrapped, scrapping)."""
    return "|".join(re.escape(v[:-1]) + "(?:e|es|ed|ing)" if v.endswith("e") else
                    re.escape(v) + "(?:s|es|ed|ing|" + v[-1] + "ed|" + v[-1] + "ing)?" for v in sorted(verbs))


# what is done to a restriction, up to three words before it: "lift the ban", "easing its restrictions"
LOOSEN = re.compile(r"\b(?:%s|do(?:ing)? away with)\s+(?:[\w\-’']+\s+){0,3}$"
                    % _verb_forms(REMOVE_VERBS | {"relax", "loosen", "overturn"}), re.I)
TIGHTEN = re.compile(r"\b(?:%s|kept)\s+(?:[\w\-’']+\s+){0,3}$"
                     % _verb_forms(KEEP_VERBS | {"impose", "reimpose", "introduce", "toughen", "expand"}), re.I)
# a verdict on what the paragraph is about, by a pronoun: "We are not against it in principle, as
# long as ...", "we could accept that if ..."
VERDICT_ON_IT = re.compile(r"\b(?:against|for|support\w*|back(?:s|ed|ing)?|oppos\w*|reject\w*|accept\w*|"
                           r"welcom\w*|endors\w*|approv\w*)\s+(?:it|this|that|them)\b(?!\s+(?:is|was|are|were|will|would)\b)", re.I)
ANAPHORIC_OBJECT = re.compile(r"(?:it|this|that|them|these|those|(?:the|this|that|such an?|any such|these|those)\s+"
                              r"(?:[\w\-]+\s+)?(?:%s)s?)" % POINTER_NOUNS, re.I)
VERDICT_VERB = re.compile(r"(?:support|back|welcome|endorse|favou?r|approve|accept|oppose|reject|condemn|denounce)\w*|"
                          r"rul(?:e|es|ed|ing) out", re.I)
COPULA = r"(?:is|was|are|were|would be|will be)\s+[\"“‘']?(?:\w+ly\s+)?(?:an?\s+)?$"  # "was \"totally | unacceptable"
COPULA_BEFORE = re.compile(r"\b" + COPULA, re.I)
ANAPHORIC_SUBJECT = re.compile(r"\b(?:it|this|that|which|%s)\s+%s" % (POINTER_NOUNS, COPULA), re.I)


def _aimed_elsewhere(text: str, x: re.Match, s: int) -> bool:
    """A verdict in a statement relevant only by its paragraph, aimed at something the statement
    names instead: "the council should support | mediation", "the intrusion was | unacceptable".
    One aimed back at what the paragraph spoke of ("we support | it", "the plan is | unwise") counts."""
    if VERDICT_VERB.fullmatch(x.group(0)):
        after = text[x.end():x.end() + 60].lstrip()
        return bool(after) and after[0].isalnum() and not ANAPHORIC_OBJECT.match(after)
    if x.group(0).lower().endswith(" to"):
        return False  # "the United States was | ready to adjust its policy": its own will, not a verdict on it
    if re.match(r"door\s+to\s+\w", x.group(0), re.I):
        return True  # "the door to dialogue is open": to what it names
    before = text[max(s, x.start() - 60):x.start()]
    if x.start() - s <= 60 and SMALL_CLAUSE.fullmatch(text[s:x.start()]):
        # 'called | the tariffs "unjustified"': the label is the named thing's, unless it points back
        return not re.match(r"\W*(?:it|this|that|them|these|those|(?:the|this|that|such an?)\s+(?:%s))\b" % POINTER_NOUNS,
                            text[s:x.start()], re.I)
    return COPULA_BEFORE.search(before) is not None and ANAPHORIC_SUBJECT.search(before) is None


# a noun phrase and a label with no verb between: the content of 'called the tariffs "unjustified"'
SMALL_CLAUSE = re.compile(r"\W*(?:the|a|an|its|their|his|her|this|these|those|it|them)\b[\w\s\-’'.]{0,50}?\s*[\"“‘']?\s*", re.I)


WEIGHED = re.compile(r"\b(?:weigh(?:s|ing)?|mull(?:s|ing)?|pondering|looking at|exploring|studying|examining)\s+"
                     r"(?:[\w\-]+\s+){0,4}$", re.I)
# a writer's account of speech as a thing ("mixed messages on the truce"), and a threat made if something happens
META_SPEECH = re.compile(r"\W*(?:(?:mixed|conflicting|contradictory|different|confusing)\s+)?(?:messages?|signals?)\b", re.I)
THREAT = re.compile(r"\bthreat(?:en|ens|ened|ening)\b", re.I)
# what others say, opening the statement: their verdict, not the speaker's
OTHERS_SAY = re.compile(r"\W*(?!(?:I|We|we|Our|our)\b)(?:[A-Z][\w\-]*|[Tt]he [\w\-]+)(?:\s+[\w\-]+){0,3}?\s+"
                        r"(say|says|claim|claims|complain|complains|allege|alleges|insist|insists)\b(?=\s+(?:that\s+)?"
                        r"(?:the|a|an|it|its|their|they|this|these|[A-Z]))")
# a request put to the speaker, then turned down: "our neighbours beg us to lift it, but ..."
REBUFFED = re.compile(r"\b(?:ask|urg|beg|press|push|call)\w*\s+(?:us|me|the government|this government)\s+to\s+"
                      r"[^.;]{3,80}?,\s+but\b", re.I)
# what someone should be given: "should get the missiles", "must not receive any"
GIVEN = re.compile(r"\b(?:should|must|needs? to|ought to|deserves? to|has to|have to)(\s+not|n[’']t)?\s+"
                   r"(?:get|receive|be (?:given|sent|supplied with|provided with))\s+"
                   r"(?:the\s+|these\s+|those\s+|more\s+|its\s+|their\s+|any\s+|new\s+)*$", re.I)
# the thing being made ready: "have begun drafting a sanctions package", "drawing up a list"
PREPARED = re.compile(r"\b(?:drafting|drawing up|drew up|drawn up|finali[sz]ing|working on|prepar(?:ing|es|ed)|readying|readied)\s+"
                      r"(?:an?\s+|the\s+|new\s+|fresh\s+|its\s+|their\s+|(?:list|package|set|raft) of\s+)*$", re.I)
# a doubt that reaches the clause it takes: "I don't believe sanctions are the right tool"
DOUBTED = re.compile(r"\b(?:do|does|did)(?: not|n[’']t) (?:believe|think)\b[^.;:!?]*$", re.I)


def _answer(target: Target, text: str, content: Span, backend: str) -> Stance | None:
    """A short yes or no (up to eight words) to a question about the target put in its sentence."""
    if len(content.text.split()) > 8:
        return None
    para = text.rfind("\n", 0, content.start) + 1
    asked = ASKED_WHETHER.search(text, max(para, content.start - 300), content.start)
    if asked is None:
        return None
    question = Span.of(text, asked.start(1), asked.end(1))
    rel = relevance(target, text, question, [])
    if rel is None or OPPOSE.search(question.text) or NEGATORS.search(question.text):
        return None  # a question put in the negative: which side a "no" takes is not clear
    for label, answer in (("oppose", ANSWER_NO), ("support", ANSWER_YES)):
        m = answer.match(content.text)
        if m:
            said = Span.of(text, content.start + m.end() - len(m.group(0).lstrip(" \"“‘'")), content.start + m.end())
            return _stance(target, label, "lexical", rel, (said, *rel.evidence[:1]), backend)
    # "We are not ruling anything out", "That would be a mistake": the answer's own words
    for label, words in (("undecided", UNDECIDED), ("oppose", OPPOSE), ("support", SUPPORT)):
        m = words.search(text, content.start, content.end)
        if m is None:
            continue
        if label == "support" and _negated(text, m.start()):
            label = "oppose"
        return _stance(target, label, "undecided" if label == "undecided" else "lexical", rel,
                       (Span.of(text, m.start(), m.end()), *rel.evidence[:1]), backend)
    return None


# a position said to hold: it takes whatever side the speaker's body took before
REAFFIRMED = re.compile(
    r"\b(?:position|policy|stance|view|approach|assessment|thinking|calculus)\b[^.;]{0,40}?"
    r"(?:\b(?:has|have|had|did|does)(?: not|n[’']t)\s+(?:\w+ly\s+)?changed?\b|\b(?:remains?|remained|is|was) "
    r"(?:unchanged|the same)\b)|\bnothing has changed\b|\b(?:stands?|stood) by (?:our|its|his|her|their|the) "
    r"(?:earlier |previous |original )?(?:position|decision|assessment)\b", re.I)
FLIP = {"support": "oppose", "oppose": "support"}
# the act of a question that ends or cuts a thing, said before the thing: "lifting | the sanctions",
# "an end to | the blockade", "cuts in | aid"
ENDING_NOUNS = (r"(?:removal|repeal|withdrawal|cancell?ation|abolition|suspension|revocation|termination|expulsion|"
                r"reduction|lifting|easing|end|ending|scrapping|cuts?)(?:\s+(?:of|to|in)|$)")
# words on whether a thing is so, not on whether it is good
TRUTH = re.compile(r"den(?:y|ies|ied)|false|untrue|not true|hoax|fake|debunk(?:s|ed)?|refut(?:e|es|ed)|baseless|"
                   r"no evidence|bogus|fabricated|nonsense|no truth|confirm(?:s|ed)?|verified", re.I)
# acts on someone, or a way out ("withdraw from the treaty"): a verdict near their object is on the act
AGAINST_SOMEONE = {"withdraw", "expel", "oust", "deport", "evict", "eject"}


@lru_cache(maxsize=256)
def _ending_act(question: str) -> re.Pattern | None:
    """The words of ending or cutting, when the question asks for that; None otherwise."""
    if not any(p in (REMOVE_VERBS - AGAINST_SOMEONE) | REDUCE_VERBS for p in question_predicates(question)):
        return None
    verbs = REMOVE_VERBS | REDUCE_VERBS
    forms = "|".join(sorted(verbs | {v[:-1] for v in verbs if v.endswith("e")}))
    return re.compile(r"\b(?:(?:%s)(?:s|es|d|ed|ped|ping|ting|ing)?\b|%s)" % (forms, ENDING_NOUNS), re.I)


def _object_only(target: Target, text: str, hits) -> bool:
    """A question that asks to end or cut a thing ("lift the sanctions?") and a statement that names
    the thing but never its ending: a verdict on the thing is the reverse verdict on the question."""
    act = _ending_act(target.question)
    if act is None or not hits:
        return False
    for h in hits:
        lead = text[max(0, h.start - 40):h.start]
        ending = [m for m in act.finditer(lead) if re.fullmatch(r"\s+(?:[\w\-]+\s+){0,2}", lead[m.end():])]
        if ending or act.match(h.text) or ENDING_AFTER.search(text[h.start:h.end + 20]):
            return False
    return True


# the ending named after the thing: "sanctions relief", "a tariff cut", "the embargo's removal"
ENDING_AFTER = re.compile(r"^[\w\-’' ]*?\b(?:relief|removal|repeal|easing|lifting|cuts?|reduction|suspension|rollback)\b", re.I)


# a question put opens with its verb ("Will China ...?"), not negated ("Won't you ...?" is rhetorical)
ASKED = re.compile(r"(?:will|would|should|shall|is|are|was|were|does|do|did|can|could|has|have|may|might)\s+"
                   r"(?!not\b|n[’']t\b)", re.I)
SENTENCE_END = re.compile(r"[.!?](?=[\s\"”’']|$)")
WHY_NOT = re.compile(r"\bwhy\s+(?:\w+n[’']t|not|\w+\s+not)\b", re.I)


def _in_question(text: str, hit: Span, s: int, e: int) -> bool:
    """Is the sentence that holds ``hit`` a yes-or-no question put, not a rhetorical one?"""
    end = SENTENCE_END.search(text, hit.end, min(len(text), max(e, hit.end) + 200))
    if end is None or end.group(0) != "?":
        return False
    start = max(s, *(text.rfind(c, s, hit.start) + 1 for c in ".!?"))
    # a yes-or-no question put ("Will China retaliate?"); "Why won't he release them?", "Isn't it
    # time to act?", "How can anyone support this?" are rhetorical: positions
    return bool(ASKED.match(text[start:hit.start].lstrip(" \"“‘'")))


def _required_of_any(text: str, s: int, e: int, hits) -> re.Match | None:
    """'Any IMF loan must protect spending': a requirement of whichever one comes, when the
    question's words are in the "any" phrase itself."""
    m = CONDITION_ANY.search(text, s, e)
    return m if m is not None and any(m.start() < h.start < m.start(1) for h in hits) else None


def judge(target: Target, text: str, content: Span, context: list[tuple[int, int]],
          backend: str = "rules/1") -> Stance | None:
    """Return a stance of this content toward the target, or None (not relevant / abstain)."""
    answered = _answer(target, text, content, backend)
    if answered is not None:
        return answered
    rel = relevance(target, text, content, context)
    if rel is None or about_someone_else(target, text, content.start, content.end) \
            or META_SPEECH.match(text, content.start, content.end):
        return None  # ("sent mixed messages on the truce": a writer's account of speech, no position in it)
    s, e = content.start, content.end
    condition = None
    evidence: list[Span] = []
    m = CONDITION_AFTER.search(text, s, e)
    if m:
        cend = _clause_end(text, m.end(), e)
        if not text[s:m.start()].strip(" \"“‘'") or re.search(r"[.;!?]\s*[\"“‘']?$", text[s:m.start()]):
            # "If the talks fail, we will ...": a condition opening its sentence ends at the comma
            comma = text.find(",", m.end(), cend)
            cend = comma if comma != -1 else cend
        if cend - m.end() > 3:
            condition = Span.of(text, m.end() + 1 if text[m.end()] == " " else m.end(), cend)
            evidence.append(Span.of(text, m.start(), m.end()))
    if condition is None:
        m = next((x for x in CONDITION_BEFORE.finditer(text, s, e) if not DEADLINE.match(text, x.end(), e)), None)
        if m:
            # the prerequisite is what must happen: from the clause start to "before"
            clause_start = max(text.rfind(",", s, m.start()) + 1, text.rfind(".", s, m.start()) + 1, s)
            before_at = m.end() - len("before")
            condition = Span.of(text, *_strip(text, clause_start, before_at))
            evidence.append(Span.of(text, m.start(), m.end()))
    nothing = NOTHING_UNTIL.search(text, s, e)
    if nothing is not None and not rel.from_context:
        # "There is nothing to discuss until NATO stops its provocations": no talks while it lasts
        cond = Span.of(text, *_strip(text, nothing.start(1), _clause_end(text, nothing.start(1), e)))
        return _stance(target, "oppose", "conditional", rel, (Span.of(text, nothing.start(), nothing.start(1) - 1),),
                       backend, cond)
    if condition is None:
        m = CONDITION_WITHOUT.search(text, s, e)
        if m:  # "Without a full withdrawal there will be no agreement": the withdrawal comes first
            at = 1 if m.group(1) else 2
            condition = Span.of(text, *_strip(text, m.start(at), m.end(at)))
            evidence.append(Span.of(text, *_strip(text, m.start(), m.start(at))))
            if any(condition.start <= h.start < condition.end for h in rel.hits) and not rel.from_context:
                # on a question about the prerequisite itself: it is demanded
                return _stance(target, "support", "conditional", rel, tuple(evidence) + rel.evidence[:1], backend)
    if condition is None:
        m = CONDITION_BEFORE_FRONTED.search(text, s, e)
        if m:
            condition = Span.of(text, *_strip(text, m.start(1), _clause_end(text, m.start(1), e)))
            at = m.start() + m.group(0).lower().index("before")
            evidence.append(Span.of(text, at, at + len("before")))
    if condition is None:
        m = CONDITION_ONLY.search(text, s, e)
        if m:
            condition = Span.of(text, m.start(1), m.end(1))
            evidence.append(Span.of(text, m.start(), m.end()))
    if condition is None:
        m = _only_split(text, s, e)
        if m:
            condition = Span.of(text, *_strip(text, m.start(2), _clause_end(text, m.start(2), e)))
            evidence.append(Span.of(text, m.start(), m.end(1)))
    if condition is None:
        m = _once_after_modal(text, s, e) or _until_after_modal(text, s, e) or CONDITION_APPROVAL.search(text, s, e) \
            or CONDITION_APPROVED_BY.search(text, s, e) or _required_of_any(text, s, e, rel.hits)
        if m:
            condition = Span.of(text, *_strip(text, m.start(1), _clause_end(text, m.start(1), min(e, m.end(1)))))
            evidence.append(Span.of(text, *_strip(text, m.start(), m.start(1))))
    if condition is not None and rel.from_context and not _names_question_verb(target, text, s, e) \
            and not _names_question_place(target, text, s, e) and not VERDICT_ON_IT.search(text, s, e):
        # "Deterrence only works if it is credible", relevant only by its paragraph: a condition
        # of something else, not of what the question asks
        condition, evidence = None, []
    threat = THREAT.search(text, max(0, s - 40), m.start()) if condition is not None and m is not None \
        and m.re is CONDITION_AFTER and m.group(1).lower() == "if" else None
    if threat is not None and condition.text.strip() and any(condition.start <= h.start < condition.end for h in rel.hits):
        # "threatened to quit the government if the deal went ahead": against the deal
        return _stance(target, "oppose", "conditional", rel, (Span.of(text, threat.start(), threat.end()),),
                       backend, condition)
    if condition is not None and condition.text.strip() and not rel.from_context and rel.hits \
            and m is not None and m.re in (CONDITION_ONCE, CONDITION_UNTIL) \
            and all(condition.start <= h.start < condition.end for h in rel.hits):
        # "would lift the visa bans once the investigation is complete", on a question about the
        # investigation: what the speaker waits for is wanted ("if" may be feared as well, and
        # its terms stay conditional)
        return _stance(target, "support", "conditional", rel, tuple(evidence) + rel.evidence[:1], backend)
    if condition is not None and condition.text.strip():
        refusal = _refused_while(text, s, m) if m is not None and m.re is CONDITION_AFTER else None
        if refusal is not None:  # "would not support X as long as Y": against it while Y holds
            return _stance(target, "oppose", "conditional", rel, (refusal, *evidence), backend, condition)
        return _stance(target, "conditional", "conditional", rel, tuple(evidence) + rel.evidence[:1],
                       backend, condition)
    und = list(UNDECIDED.finditer(text, s, e))
    if not rel.from_context:  # "weighing a phone call", "mulling new sanctions": the thing itself weighed
        und += [w for hit in rel.hits for w in WEIGHED.finditer(text, max(s, hit.start - 30), hit.start)]
        # "Canada is reviewing | its engagement with Rwanda": the verb that governs a noun-phrase content
        und += list(GOVERNING_WEIGHED.finditer(text, max(0, s - 40), s))
    withheld = WITHHELD.search(text, max(0, s - 40), s) if VERDICT_WITHHELD.match(text, s, e) else None
    if withheld is not None and not rel.from_context:
        und.append(withheld)  # "Roe declined to endorse such sanctions publicly": no verdict given
    if und:
        return _stance(target, "undecided", "undecided", rel,
                       tuple(Span.of(text, x.start(), x.end()) for x in und[:3]), backend)
    if not rel.from_context and all(_in_question(text, h, s, e) for h in rel.hits):
        # "Will China retaliate?": a question put, no position taken
        return _stance(target, "neutral", "neutral", rel, rel.evidence[:2], backend)
    if re.match(r"\s*[\"“]?(?:whether|if)\b", text[s:e], re.I):
        # "whether existing licences should be extended": a question put, no position taken
        return _stance(target, "neutral", "neutral", rel, rel.evidence[:2], backend) if not rel.from_context else None
    others = OTHERS_SAY.match(text, s, e)
    if others is not None and not rel.from_context:  # "Traders say the ban has cost them billions": theirs
        return _stance(target, "neutral", "neutral", rel, (Span.of(text, others.start(1), others.end(1)),), backend)
    topics = rel.evidence if not rel.from_context else ()
    votes = predicate_votes(target, text, s, e, topics)
    # "they beg us to lift the ban, but our first duty is ...": the request is theirs, and refused
    rebuffed = [m for m in REBUFFED.finditer(text, s, e) if any(m.start() <= h.start < m.end() for h in topics)]
    # verdicts on the thing the question names, not on what it asks done to it: "we support the
    # sanctions" is against lifting them
    said: dict[str, list[Span]] = {"support": [], "oppose": []}
    acts: list[Span] = []  # keywords written as the act the question asks for ("should lower rates")
    if not RESTRICTION.search(target.question):
        # "lift the ban on arms exports", "tighten curbs on ...": what is done to a restriction on
        # the thing is the opposite done to the thing (a question about the ban itself reads it as is)
        for hit in topics:
            r = RESTRICTION_BEFORE.search(text, max(s, hit.start - 60), hit.start)
            v = r and (LOOSEN.search(text, max(s, r.start() - 50), r.start()) or TIGHTEN.search(text, max(s, r.start() - 50), r.start()))
            if v:
                label = "support" if (v.re is LOOSEN) != _negated(text, v.start()) else "oppose"
                if not any(x.start == v.start() for x in votes[label]):  # one vote for "exporting lethal weapons" and its "lethal weapons"
                    votes[label].append(Span.of(text, v.start(), hit.end))
    # "the people of Talmar deserve recognition", "Ukraine needs tanks"; "we do not need tanks"
    for m in _before_topic(text, s, e, DESERVE, topics):
        gap = min((text[m.end():t.start] for t in topics if t.start >= m.end()), key=len, default="")
        if len(gap.split()) <= 2 and not re.search(r"\b(?:before|after|for|to|of|in|on|with|from|than|time)\b", gap):
            said["oppose" if _negated(text, m.start()) else "support"].append(Span.of(text, m.start(), m.end()))
    defiance = DEFIANCE.search(text, s, e)
    if defiance is not None:  # holding a course: for keeping it, against ending it
        direction = {p for p in question_predicates(target.question) if p in KEEP_VERBS | REMOVE_VERBS}
        if direction:
            votes["support" if direction <= KEEP_VERBS else "oppose"].append(
                Span.of(text, defiance.start(), defiance.end()))
    for hit in topics:  # "remained open to talks"
        prepared = PREPARED.search(text, max(s, hit.start - 40), hit.start)
        if prepared:  # "is preparing countermeasures"; "is not preparing any"
            said["oppose" if _negated(text, prepared.start()) else "support"].append(hit)
        given = GIVEN.search(text, max(s, hit.start - 50), hit.start)
        if given is not None:  # "Ukraine should get the missiles": for giving them
            said["oppose" if given.group(1) else "support"].append(Span.of(text, given.start(), hit.end))
        if re.search(r"\bopen(?:\s+in\s+principle)?[\"”’]?\s+to\s+(?:[\w\-]+\s+){0,2}$", text[max(s, hit.start - 40):hit.start], re.I):
            said["support"].append(hit)
        # a keyword the user wrote as an act ("lower rates"), asked for right before it: "should lower rates"
        asked = MODAL_BEFORE.search(text, max(s, hit.start - 30), hit.start)
        if asked is not None and not any(v.start <= hit.start < v.end or hit.start <= v.start < hit.end
                                         for vs in (*votes.values(), *said.values()) for v in vs):
            refused = re.search(r"\b(?:not|never|n[’']t|cannot|no)\b", asked.group(0), re.I) or re.search(
                r"\b(?:no|not|never|n[’']t)\s+(?:\w+\s+)?$", text[max(s, asked.start() - 16):asked.start()], re.I)
            votes["oppose" if refused else "support"].append(Span.of(text, asked.start(), hit.end))
            acts.append(hit)
    outcome = _consequence(text, s, e, topics)
    if outcome is not None:  # "Recognising Talmar would destabilise the region": what it would bring
        said[outcome[0]].append(outcome[1])
    # "should be scrapped" is the question's act, not a verdict; "will not" of "will not cut" is its refusal
    claimed = [x for v in (*votes.values(), *said.values()) for x in v]
    votes.pop("claimed", None)
    for hit in rel.evidence if not rel.from_context else ():
        if re.search(r"\b(?:no|not any)\s+(?:new\s+|further\s+|more\s+)?$", text[max(s, hit.start - 16):hit.start], re.I):
            said["oppose"].append(hit)  # "there would be no exceptions"
    lead = text[max(0, s - 40):s]
    for label, verdict in (("oppose", GOVERNING_OPPOSE), ("support", GOVERNING_SUPPORT)):
        g = verdict.search(lead)
        # "demanded | the vessel leave", relevant only by its paragraph: a verdict on something
        # else, unless what it governs points back ("rejected | the plan")
        if g and (not rel.from_context or ANAPHORIC_OBJECT.fullmatch(text[s:e].strip(" \"“”‘’'.,"))):
            at = max(0, s - 40) + g.start()
            said[label].append(Span.of(text, at, at + len(g.group(0).rstrip())))
    # "refused to comment on the talks": no side taken, whatever verb declines; "Why won't he release
    # them?" asks for it, its "won't" no refusal of the speaker's
    claimed += [Span.of(text, x.start(), x.end()) for x in NO_COMMENT.finditer(text, s, e)]
    claimed += [Span.of(text, x.start(), x.end()) for x in WHY_NOT.finditer(text, s, e)]
    for x in OPPOSE.finditer(text, s, e):
        if "door" in x.group(0).lower() and _negated(text, x.start()):
            continue  # "have never closed the door to talks": open to them (a support of its own)
        if not any(c.start < x.end() and x.start() < c.end for c in claimed) \
                and not (rel.from_context and _aimed_elsewhere(text, x, s)):
            # "climate change is a hoax" denies the thing, whatever the question asks done to it
            (votes if TRUTH.fullmatch(x.group(0)) else said)["oppose"].append(Span.of(text, x.start(), x.end()))
    for x in SUPPORT.finditer(text, s, e):
        if any(c.start < x.end() and x.start() < c.end for c in claimed) or (rel.from_context and _aimed_elsewhere(text, x, s)):
            continue
        word = x.group(0).lower()
        polarity = "support"
        if (_negated(text, x.start()) or DOUBTED.search(text, s, x.start())) \
                and not word.startswith(("cannot", "must not", "can")):
            polarity = "oppose"
        (votes if TRUTH.fullmatch(word) else said)[polarity].append(Span.of(text, x.start(), x.end()))
    # (relevant only by its paragraph, a verdict is on whatever the statement says, not on the thing named there)
    reversed_ = not acts and not rel.from_context and _object_only(target, text, rel.hits)
    for label, spans in said.items():
        votes[FLIP[label] if reversed_ else label].extend(spans)
    if rebuffed:
        for label in ("support", "oppose"):
            votes[label] = [v for v in votes[label] if not any(m.start() <= v.start < m.end() for m in rebuffed)]
        votes["oppose"] += [Span.of(text, m.end() - 3, m.end()) for m in rebuffed]
    hedges = [Span.of(text, x.start(), x.end()) for x in HEDGES.finditer(text, s, e)]
    n_s, n_o = len(votes["support"]), len(votes["oppose"])
    if (n_s or n_o) and len(hedges) < 2 * max(n_s, n_o):
        label = "oppose" if n_o >= n_s else "support"
        kind = "mixed" if n_s and n_o else "lexical"
        return _stance(target, label, kind, rel, tuple(votes[label][:3]), backend)
    if hedges and not rel.from_context:  # reported, unconfirmed: relevant, no position taken
        return _stance(target, "neutral", "hedged", rel, tuple(hedges[:3]), backend)
    again = REAFFIRMED.search(text, s, e)
    if again is not None:  # "our position has not changed": no side in its words; carry_forward gives the earlier one
        return _stance(target, "neutral", "neutral", rel, (Span.of(text, again.start(), again.end()),), backend)
    score = valence(text[s:e], tuple((h.start - s, h.end - s) for h in rel.hits))
    if abs(score) >= 0.45 and not rel.from_context:  # only evaluative tone: a weak stance
        label = "support" if score > 0 else "oppose"
        label = FLIP[label] if reversed_ else label
        return _stance(target, label, "valence", rel, rel.evidence[:1], backend)
    if not rel.from_context:
        return _stance(target, "neutral", "neutral", rel, rel.evidence[:2], backend)
    return None


@lru_cache(maxsize=1)
def calibration() -> dict[str, float]:
    """How often each kind of evidence was right on the news gold set (calibration.yaml)."""
    import yaml
    from importlib import resources

    return yaml.safe_load(resources.files(__package__).joinpath("calibration.yaml").read_text("utf-8"))


def _stance(target: Target, label: str, kind: str, rel: Relevance, evidence, backend: str,
            condition: Span | None = None) -> Stance:
    table = calibration()
    conf = table["kinds"][kind] * (table["context_factor"] if rel.from_context else 1.0)
    # "@context": the statement does not name the question's topic; its paragraph does
    return Stance(target.id, label, round(conf, 3), tuple(evidence), condition,
                  f"{backend}#{kind}" + ("@context" if rel.from_context else ""))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:“”\"'’":
        start += 1
    while end > start and text[end - 1] in " ,;:“”\"'’":
        end -= 1
    return start, end


def question_names(question: str, gaz) -> tuple[tuple[str, str], ...]:
    """What a question names: governments and blocs (by the gazetteer, so that "Manila" or
    "Philippine" names the Philippines), other places and peoples, and people by surname."""
    def root(oid: str) -> str:
        up = gaz.ancestors(oid)
        return up[-1] if up else oid

    out = {("org", root(oid)) for _, _, oid in gaz.find(question)
           if gaz.organizations[root(oid)].kind in ("government", "igo")}
    doc = _question_doc(question)
    for ent in doc.ents if doc is not None else ():
        if ent.label_ in ("GPE", "LOC", "NORP") and not gaz.find(ent.text):
            out.add(("text", ent.text[:-1] if ent.text.endswith("s") else ent.text))  # "Republicans": "Republican"
    out |= {("text", name) for name in question_entities(question)}
    return tuple(sorted(out))


def _names_any(names, text: str, gaz, named: list) -> bool:
    """Does ``text`` name any of a question's ``names``? ``named`` holds the text's governments
    once found (an empty list until then), so several questions find them once."""
    for kind, value in names:
        if kind == "text" and re.search(r"(?<!\w)%s" % re.escape(value), text):
            return True
        if kind == "org":
            if not named:
                named.append(gaz.named(text))
            if value in named[0]:
                return True
    return False


def concerning(targets: list[Target], text: str, gaz) -> list[Target]:
    """The questions a document speaks to (all of a question that names nothing): one that
    names governments, where it names every one of them; one that names only places, peoples or
    people, where it names any. "Should China and the Philippines hold talks on the shoal?" is
    not read in an article about Germany's tanks, whatever 'talks' it holds, nor "Should Japan
    and China hold talks?" in one about China and the Philippines. The document's governments
    are found once, if needed."""
    named: list = []

    def speaks_to(target: Target) -> bool:
        names = question_names(target.question, gaz)
        governments = [n for n in names if n[0] == "org"]
        if governments:
            return all(_names_any((n,), text, gaz, named) for n in governments)
        return not names or _names_any(names, text, gaz, named)

    return [t for t in targets if speaks_to(t)]


def about_others(target: Target, text: str, spans: list[tuple[int, int]], gaz, speaker_bodies=()) -> bool:
    """Is a statement, read with its paragraph (``spans``), about other governments than the
    ones its question names? In an article on Germany's tanks that names Ukraine, "talks with
    our partners", in a paragraph where only Germany and the US act, are not talks between
    Russia and Ukraine. A question that names no government is never gated so, nor a paragraph
    where no government acts, nor the words of a government the question names (a US envoy on
    Egypt's offer to host talks speaks to a question about US pressure for a truce)."""
    names = question_names(target.question, gaz)
    if not any(kind == "org" for kind, _ in names):
        return False
    if any(kind == "org" and value in speaker_bodies for kind, value in names):
        return False
    if any(kind == "org" and gaz.organizations[value].kind == "igo" and value not in gaz.members for kind, value in names):
        return False  # a body whose members the gazetteer does not list (the UN): any government may be one
    chunk = "\n".join(text[a:b] for a, b in spans)
    if _names_any(names, chunk, gaz, []):
        return False
    # governments that act there: "will make that case in Cairo", "told reporters in Singapore"
    # name a venue, not a party; a member of a bloc the question names is one of its own
    # ("Germany will impose entry bans" speaks to a question about EU sanctions)
    members = {m for kind, value in names if kind == "org" for m in gaz.members.get(value, ())}
    acting = {(gaz.ancestors(oid) or [oid])[-1] for start, _, oid in gaz.find(chunk)
              if not PLACE_BEFORE.search(chunk, max(0, start - 12), start)
              or RULERS_IN.search(chunk, max(0, start - 40), start)}
    acting = {oid for oid in acting if gaz.organizations[oid].kind == "government"}
    return bool(acting) and not acting & members
