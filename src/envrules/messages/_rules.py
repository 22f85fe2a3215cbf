"""Messages of the catalogue (see :mod:`envrules.messages`): id -> (Chinese, English).

The rules' findings, remedies and notes: ``"<rule-id>.<key>"``, read by a rule through
:func:`envrules.messages.texts` (its own id, and the shared prefixes it names).
"""

TEXTS: dict[str, tuple[str, str]] = {
    # shared by the rules of the 2025 inspection law that read a registry
    "inspections.no-registry": (
        "未提供登记册（--registry），无法核查{what}",
        "no registry given (--registry): could not check {what}",
    ),
    "inspections.registry-not-in-force": (
        "登记册{registry}不涵盖检查日期{date}，无法核查{what}",
        "registry {registry} does not cover the inspection date {date}: could not check {what}",
    ),
    # quiet-day
    "quiet-day.inside": (
        "检查日期{day}落在宁静日（{window}）内（检查期间{first}至{last}），且所列检查依据不属于例外情形，"
        "也非上级统一部署",
        "inspection date {day} falls inside the quiet days ({window}); the visit runs {first} to {last}; "
        "none of its grounds is an exception and it is not a uniform deployment from above",
    ),
    "quiet-day.move": (
        "改在{next}或之后进行（{days}天的检查须全部避开宁静日）",
        "reschedule to {next} or later (all {days} days must avoid the quiet days)",
    ),
    "quiet-day.move-day": (
        "改在{next}或之后进行",
        "reschedule to {next} or later",
    ),
    "quiet-day.split": (
        "检查共{days}天，超过任何连续的非宁静日期间，须分段安排在宁静日以外",
        "the visit of {days} days is longer than any stretch without quiet days; split it into parts "
        "outside the quiet days",
    ),
    "quiet-day.note": (
        "{note}",
        "{note}",
    ),
    "quiet-day.analogy": (
        "检查日期{day}落在宁静日（{window}）内；依据“{ground}”虽未列明，"
        "但按“等”字作同类解释（与所列安全事项同类），视为例外",
        "inspection date {day} falls inside the quiet days ({window}); the ground '{ground}' is not "
        "listed, but the list ends in 等 (and others) and it is read as of the same kind as the listed "
        "safety matters, so it is treated as an exception",
    ),
    "quiet-day.analogy-remedy": (
        "类推适用例外，请监督机关核查",
        "an exception applied by analogy: for the supervising office to review",
    ),
    "quiet-day.body": (
        "检查日期{day}落在宁静日（{window}）内（检查期间{first}至{last}）：{why}，不属于例外",
        "inspection date {day} falls inside the quiet days ({window}); the visit runs {first} to {last}: "
        "{why}, so it is not an exception",
    ),
    "quiet-day.body-missing": (
        "未注明部署机关（deployed_by_body），不能认定为党委或人民政府统一部署",
        "the body that deployed it (deployed_by_body) is not stated, so it is not shown to be a uniform "
        "deployment by a party committee or a people's government",
    ),
    "quiet-day.body-department": (
        "由部门部署的检查不是党委或人民政府统一部署",
        "a deployment by a department is not a uniform deployment by a party committee or a people's "
        "government",
    ),
    "quiet-day.no-approval": (
        "检查日期{day}落在宁静日（{window}）内，所依例外须经审批，但未记录审批（approval）",
        "inspection date {day} falls inside the quiet days ({window}); the exception it relies on needs "
        "an approval, and none is recorded",
    ),
    "quiet-day.late-approval": (
        "检查日期{day}落在宁静日（{window}）内，例外审批日期{approved}晚于检查开始{start}（事后审批）",
        "inspection date {day} falls inside the quiet days ({window}); the exception was approved on "
        "{approved}, after the visit started ({start})",
    ),
    "quiet-day.late-approval-ok": (
        "检查日期{day}落在宁静日（{window}）内，因突发事件等紧急情况于{approved}事后补办审批（检查开始{st"
        "art}）",
        "inspection date {day} falls inside the quiet days ({window}); an urgent visit whose approval "
        "was completed after the fact on {approved} (start {start})",
    ),
    "quiet-day.approve": (
        "检查前报请审批并记录审批（approval），或改在{next}或之后进行",
        "obtain and record the approval before the visit, or reschedule to {next} or later",
    ),
    "quiet-day.approve-day": (
        "检查前报请审批并记录审批（approval）",
        "obtain and record the approval before the visit",
    ),
    "quiet-day.mode-unstated": (
        "（检查方式未注明，按现场检查）",
        " (the mode is not stated: taken as on-site)",
    ),
    "quiet-day.off-site": (
        "检查日期{day}在宁静日（{window}）内，但检查方式为{mode}（非现场检查），不在现场检查的限制之内",
        "inspection date {day} falls inside the quiet days ({window}), but the check is {mode}, not "
        "on-site, so the ban on on-site inspections does not reach it",
    ),
    # one-matter-per-year
    "one-matter-per-year.higher": (
        "事项“{matter}”已于{earlier}由{agency}（检查{prior}，{organised}）对该企业检查过，"
        "年内不得再检查同一事项（期间：{period}）",
        "matter '{matter}' was already inspected at this enterprise on {earlier} by {agency} (inspection "
        "{prior}, {organised}); it may not be inspected again within the year (period: {period})",
    ),
    "one-matter-per-year.again": (
        "事项“{matter}”已于{earlier}由{agency}（检查{prior}）对该企业检查过，"
        "同一事项原则上一年不超过一次（期间：{period}）",
        "matter '{matter}' was already inspected at this enterprise on {earlier} by {agency} (inspection "
        "{prior}); one matter is in principle inspected at most once a year (period: {period})",
    ),
    "one-matter-per-year.upper": (
        "事项“{matter}”另有{agency}的检查{prior}（{earlier}，{organised}），{why}，"
        "不属于“已……组织进行了检查”，不适用“年内不得”；同一事项原则上一年不超过一次（期间：{period}）",
        "matter '{matter}' is also inspected by {agency} (inspection {prior}, {earlier}, {organised}), "
        "which {why}: it is not one 'already carried out', so 年内不得 does not apply; one matter is in "
        "principle inspected at most once a year (period: {period})",
    ),
    "one-matter-per-year.not-done": (
        "该检查尚未进行（计划中）",
        "has not been carried out yet (planned)",
    ),
    "one-matter-per-year.not-done-later": (
        "该检查在本次检查之后",
        "comes after this one",
    ),
    "one-matter-per-year.drop": (
        "从本次检查中删去事项“{matter}”",
        "drop matter '{matter}' from this inspection",
    ),
    "one-matter-per-year.drop-joint": (
        "从本次联合检查中删去事项“{matter}”，并由牵头单位在检查前告知参与检查部门",
        "drop matter '{matter}' from this joint inspection; the lead agency must inform the "
        "participating agencies before the visit",
    ),
    "one-matter-per-year.drop-or-justify": (
        "删去事项“{matter}”，或在提案中记录再次检查的理由（justification）",
        "drop matter '{matter}', or record the justification for inspecting it again on the proposal",
    ),
    "one-matter-per-year.led": (
        "由{level}部门组织",
        "organised by a {level} body",
    ),
    "one-matter-per-year.deployed": (
        "由{level}统一部署",
        "deployed by a {level} authority",
    ),
    "one-matter-per-year.national": (
        "国家级",
        "national",
    ),
    "one-matter-per-year.provincial": (
        "省级",
        "provincial",
    ),
    "one-matter-per-year.prefecture": (
        "市（州）级",
        "prefecture-level",
    ),
    "one-matter-per-year.county": (
        "县级",
        "county-level",
    ),
    "one-matter-per-year.township": (
        "乡镇级",
        "township-level",
    ),
    # first-offence-exemption
    "first-offence-exemption.no-order": (
        "对轻微且无危害后果的违法行为“{violation}”处罚前未责令限期整改（处罚决定日{decided}）",
        "the violation '{violation}' is minor and harmless, but no order to rectify within a time limit "
        "preceded the penalty (decided {decided})",
    ),
    "first-offence-exemption.order-after": (
        "责令整改日{ordered}晚于处罚决定日{decided}，处罚前未责令限期整改",
        "the order to rectify ({ordered}) came after the penalty decision ({decided}); no order preceded it",
    ),
    "first-offence-exemption.premature": (
        "整改期限{deadline}尚未届满即于{decided}作出处罚",
        "the penalty was decided on {decided}, before the rectification limit of {deadline} had passed",
    ),
    "first-offence-exemption.premature-day": (
        "于整改期限届满当日（{deadline}）作出处罚，期限尚未届满",
        "the penalty was decided on {deadline}, the last day of the rectification limit, before the limit "
        "had passed",
    ),
    "first-offence-exemption.complied": (
        "企业已按期整改（期限{deadline}），不得再处罚",
        "the enterprise rectified within the limit of {deadline}; it may not be penalised",
    ),
    "first-offence-exemption.pending": (
        "整改期限{deadline}已过，但整改结果未认定（pending），不能据以处罚",
        "the rectification limit of {deadline} has passed but no outcome is recorded (pending); it "
        "cannot support a penalty",
    ),
    "first-offence-exemption.educate": (
        "先采用教育、劝诫、疏导等手段，责令限期整改；整改不到位或拒不整改的再行处罚",
        "educate, admonish and guide first, and order rectification within a time limit; penalise only "
        "if rectification is incomplete or refused",
    ),
    "first-offence-exemption.wait": (
        "待整改期限{deadline}届满（{after}起）且认定整改不到位或拒不整改后再行处罚",
        "wait until the limit of {deadline} has passed (from {after}) and the rectification is found "
        "incomplete or refused",
    ),
    "first-offence-exemption.withdraw": (
        "撤销罚款，不予处罚",
        "withdraw the fine; no penalty",
    ),
    "first-offence-exemption.not-first": (
        "违法行为“{violation}”不是首次违法：该企业已于{earlier}因同一违法行为受到处罚或责令整改（{prior}"
        "，{years}年内），首查免罚不适用",
        "the violation '{violation}' is not a first offence: the enterprise was already penalised or "
        "ordered to rectify for it on {earlier} ({prior}, within {years} years), so the first-offence "
        "exemption does not apply",
    ),
    "first-offence-exemption.not-first-stated": (
        "处罚记载违法行为“{violation}”不是初次违法（first_offence），首查免罚不适用",
        "the penalty records that the violation '{violation}' is not a first offence (first_offence): "
        "the first-offence exemption does not apply",
    ),
    "first-offence-exemption.establish": (
        "先认定整改结果（整改不到位或拒不整改）再决定是否处罚",
        "establish the outcome (incomplete or refused) before deciding on a penalty",
    ),
    # fine-lower-bound
    "fine-lower-bound.below": (
        "罚款{fine}元低于法定下限{min}元（法定幅度{range}），且未列明应当减轻处罚的情形",
        "fine of {fine} yuan is below the statutory minimum of {min} yuan (statutory range {range}) and "
        "no circumstance that requires a reduced penalty is cited",
    ),
    "fine-lower-bound.reduced": (
        "罚款{fine}元低于法定下限{min}元（法定幅度{range}）：所列情形（{names}）"
        "依{clause}应当从轻或者减轻行政处罚，按减轻处罚认定，不违反下限制度",
        "fine of {fine} yuan is below the statutory minimum of {min} yuan (statutory range {range}): the "
        "circumstances cited ({names}) require a lighter or reduced penalty under {clause}, so it is "
        "taken as a reduced penalty, not a breach of the minimum",
    ),
    "fine-lower-bound.above-max": (
        "罚款{fine}元高于法定上限{max}元（法定幅度{range}）",
        "fine of {fine} yuan exceeds the statutory maximum of {max} yuan (statutory range {range})",
    ),
    "fine-lower-bound.above-min": (
        "罚款{fine}元，比{basis}{min}元高出{excess}元，且未列明从重等特殊情节；本地规则（词解7）规定，"
        "没有遵守罚款下限原则的，行政相对人有权拒绝履行",
        "fine of {fine} yuan exceeds the {basis} of {min} yuan by {excess} yuan and no aggravating "
        "circumstance is cited; the local rule (词解7) says the party has the right to refuse to perform "
        "a fine that does not keep to the minimum",
    ),
    "fine-lower-bound.statutory-min": (
        "法定下限",
        "statutory minimum",
    ),
    "fine-lower-bound.band-min": (
        "所主张裁量档次的基准下限（法定幅度{range}，无法定下限）",
        "lower bound of the benchmark band claimed (statutory range {range}, no statutory minimum)",
    ),
    "fine-lower-bound.no-min": (
        "法定幅度为{range}，无法定下限，且未给出裁量基准档次：词解7没有可遵守的下限",
        "the statutory range is {range} with no minimum, and no benchmark band is given: 词解7 has no "
        "lower limit to hold the fine to",
    ),
    "fine-lower-bound.benchmark": (
        "罚款{fine}元超出所主张裁量档次“{grade}”的基准幅度{lo}至{hi}元；本地规则（词解6）规定，"
        "未遵守行政裁量权基准的，行政相对人有权拒绝",
        "fine of {fine} yuan lies outside the benchmark band of {lo} to {hi} yuan for the grade "
        "'{grade}' claimed; the local rule (词解6) says the party has the right to refuse a penalty that "
        "does not keep to the benchmark",
    ),
    "fine-lower-bound.payment": (
        "上述“有权拒绝”是本地规则的规定，并非不缴纳罚款的建议：当事人对处罚不服的，"
        "可以依法申请行政复议或者提起行政诉讼；到期不缴纳罚款的，"
        "行政机关可以每日按罚款数额的百分之三加处罚款（{clause}）",
        "this 'right to refuse' is what the local rule states, not advice to leave the fine unpaid: a "
        "party that disputes the penalty may apply for administrative review or bring an administrative "
        "suit, and a fine not paid when due may be increased by 3% of the fine a day ({clause})",
    ),
    "fine-lower-bound.into-range": (
        "在法定幅度{range}内重新确定罚款",
        "set the fine within the statutory range of {range}",
    ),
    "fine-lower-bound.into-range-or-reduce": (
        "在法定幅度{range}内重新确定罚款，或列明应当减轻处罚的法定情形",
        "set the fine within the statutory range of {range}, or cite the statutory circumstance that "
        "requires a reduced penalty",
    ),
    "fine-lower-bound.to-min": (
        "将罚款降至法定下限{min}元，或列明适用的特殊情节",
        "lower the fine to the statutory minimum of {min} yuan, or cite the aggravating circumstance "
        "that applies",
    ),
    "fine-lower-bound.to-band-min": (
        "将罚款降至基准下限{min}元，或列明适用的特殊情节",
        "lower the fine to the band's lower bound of {min} yuan, or cite the aggravating circumstance "
        "that applies",
    ),
    "fine-lower-bound.into-band": (
        "在基准幅度{lo}至{hi}元内确定罚款，或改按相应裁量档次认定",
        "set the fine within the benchmark band of {lo} to {hi} yuan, or claim the grade that fits",
    ),
    # inspection-filing
    "inspection-filing.no-plan": (
        "例行执法检查未将{year}年度工作计划报市优化办备案",
        "routine inspection without the agency's annual work plan for {year} filed with the optimization "
        "office",
    ),
    "inspection-filing.no-form": (
        "进入企业检查（{entry}）前未填写《涉企检查备案表》报市优化办备案（备案时间：{filed}）",
        "the inspection filing form was not filed with the optimization office before entry at {entry} "
        "(filed: {filed})",
    ),
    "inspection-filing.no-oral": (
        "紧急情况进入企业检查（{entry}）前既未报备《涉企检查备案表》，"
        "也未向市优化办口头申请备案（口头备案时间：{oral}）",
        "urgent entry at {entry} with neither the filing form nor an oral filing with the optimization "
        "office before it (oral filing: {oral})",
    ),
    "inspection-filing.late": (
        "《涉企检查备案表》应于检查后{n}个工作日内（截至{due}）补报，实际于{filed}补报，逾期{late}{note}",
        "the filing form was due within {n} working days after the inspection (by {due}) but was filed "
        "on {filed}, {late} late{note}",
    ),
    "inspection-filing.late-day": (
        "{days}天",
        "{days} day",
    ),
    "inspection-filing.late-days": (
        "{days}天",
        "{days} days",
    ),
    "inspection-filing.missing": (
        "《涉企检查备案表》应于检查后{n}个工作日内（截至{due}）补报，到{as_of}仍未补报{note}",
        "the filing form was due within {n} working days after the inspection (by {due}) and is still "
        "missing on {as_of}{note}",
    ),
    "inspection-filing.due": (
        "检查后{n}个工作日内补报《涉企检查备案表》，截止{due}{note}",
        "file the written filing form within {n} working days after the inspection, by {due}{note}",
    ),
    "inspection-filing.provisional": (
        "（{year}年节假日安排尚未公布，截止日期为暂定）",
        " (the {year} holiday notice is not known: the due date is provisional)",
    ),
    "inspection-filing.plan": (
        "制定年度工作计划并报市优化办备案后再实施例行检查",
        "file the annual work plan with the optimization office before routine inspections",
    ),
    "inspection-filing.file-first": (
        "进入企业前填写《涉企检查备案表》报市优化办备案",
        "file the inspection filing form with the optimization office before entering the enterprise",
    ),
    "inspection-filing.oral-first": (
        "紧急检查入企前至少由负责人向市优化办口头申请备案",
        "for an urgent inspection, make at least an oral filing with the optimization office before entry",
    ),
    "inspection-filing.file-now": (
        "立即补报《涉企检查备案表》",
        "file the written filing form now",
    ),
    "inspection-filing.was-late": (
        "本次补报已经逾期，无法补正；今后紧急检查后应在{n}个工作日内补报",
        "the form was filed late, which cannot be undone now; after an urgent inspection, file it within "
        "{n} working days",
    ),
    "inspection-filing.none": (
        "无（未备案）",
        "none",
    ),
    # fine-statutory-range
    "fine-statutory-range.below": (
        "罚款{fine}元低于法定下限{min}元（法定幅度{range}），"
        "且未列明第三十二条规定的应当从轻或者减轻处罚的情形",
        "fine of {fine} yuan is below the statutory minimum of {min} yuan (statutory range {range}) and "
        "none of the circumstances of article 32 that require a lighter or reduced penalty is cited",
    ),
    "fine-statutory-range.reduced": (
        "罚款{fine}元低于法定下限{min}元（法定幅度{range}）：所列情形（{names}）"
        "依{clause}应当从轻或者减轻行政处罚，按减轻处罚认定",
        "fine of {fine} yuan is below the statutory minimum of {min} yuan (statutory range {range}): the "
        "circumstances cited ({names}) require a lighter or reduced penalty under {clause}, so it is "
        "taken as a reduced penalty",
    ),
    "fine-statutory-range.above-max": (
        "罚款{fine}元高于法定上限{max}元（法定幅度{range}）",
        "fine of {fine} yuan exceeds the statutory maximum of {max} yuan (statutory range {range})",
    ),
    "fine-statutory-range.into-range": (
        "在法定幅度{range}内重新确定罚款",
        "set the fine within the statutory range of {range}",
    ),
    "fine-statutory-range.into-range-or-reduce": (
        "在法定幅度{range}内重新确定罚款，或列明第三十二条规定的情形",
        "set the fine within the statutory range of {range}, or cite the circumstance of article 32 that "
        "applies",
    ),
    # no-penalty-minor-corrected
    "no-penalty-minor-corrected.must": (
        "违法行为“{violation}”轻微并已及时改正，没有造成危害后果，依法不予行政处罚",
        "the violation '{violation}' is minor, was corrected in time and caused no harm: by law no "
        "penalty is given",
    ),
    "no-penalty-minor-corrected.may": (
        "违法行为“{violation}”系初次违法且危害后果轻微并已及时改正，可以不予行政处罚（由行政机关裁量）",
        "the violation '{violation}' is a first offence with minor harm, corrected in time: it may be "
        "exempted from penalty (at the agency's discretion)",
    ),
    "no-penalty-minor-corrected.may-none": (
        "违法行为“{violation}”系初次违法、没有造成危害后果并已及时改正（危害后果轻微者尚可不予处罚，"
        "无危害后果者亦然），可以不予行政处罚（由行政机关裁量）",
        "the violation '{violation}' is a first offence that caused no harm and was corrected in time "
        "(if minor harm may be exempted, no harm may be too): it may be exempted from penalty (at the "
        "agency's discretion)",
    ),
    "no-penalty-minor-corrected.missing": (
        "未注明{field}，无法判断违法行为“{violation}”可否依第三十三条第一款“初次违法且危害后果轻微并及时"
        "改正的，可以不予行政处罚”不予处罚",
        "{field} is not given: whether the violation '{violation}' may be exempted as a first offence "
        "with minor harm corrected in time (article 33(1), second sentence) cannot be told",
    ),
    "no-penalty-minor-corrected.no-fault": (
        "当事人有证据足以证明没有主观过错，依法不予行政处罚",
        "the party has evidence sufficient to prove it had no subjective fault: by law no penalty is given",
    ),
    "no-penalty-minor-corrected.no-fault-excepted": (
        "当事人证明没有主观过错，但所适用的法律“{statute}”另有规定（本规则包所列），不适用第三十三条第二款",
        "the party proved it had no subjective fault, but the statute applied ('{statute}') provides "
        "otherwise (listed in this pack): article 33(2) does not apply",
    ),
    "no-penalty-minor-corrected.withdraw": (
        "撤销处罚，不予行政处罚，并对当事人进行教育",
        "withdraw the penalty, give none, and educate the party",
    ),
    "no-penalty-minor-corrected.first_offence": (
        "是否初次违法（first_offence）",
        "first_offence (whether it is a first offence)",
    ),
    "no-penalty-minor-corrected.corrected": (
        "是否及时改正（corrected）",
        "corrected (whether it was corrected in time)",
    ),
    # penalty-limitation
    "penalty-limitation.barred": (
        "违法行为自{start}起{years}年内未被发现（发现日{found}，时效届满日{limit}），不再给予行政处罚",
        "the violation was not discovered within {years} years of {start} (discovered {found}, period "
        "ended {limit}); no penalty may be given",
    ),
    "penalty-limitation.drop": (
        "不再给予行政处罚",
        "give no penalty",
    ),
    "penalty-limitation.special": (
        "所适用的法律“{statute}”（{name}）另有规定：{clause}，时效为{years}年",
        "the statute applied, '{statute}' ({name}), provides otherwise: {clause}, a period of {years} years",
    ),
    "penalty-limitation.unknown": (
        "本规则包未列出法律“{statute}”的特别时效，适用一般规定（{clause}，{years}年）",
        "this pack lists no special period for the statute '{statute}': the general rule applies "
        "({clause}, {years} years)",
    ),
    "penalty-limitation.given": (
        "时效按处罚所载的{years}年计算（limitation_years，以其所称的特别规定为准）",
        "the period is the {years} years the penalty states (limitation_years, taken at its word as the "
        "special rule it relies on)",
    ),
    "penalty-limitation.old": (
        "违法行为发生于{act}，在{before}之前：依第三十七条适用违法行为发生时的规定（{old_clause}，"
        "时效{old_years}年）；作出决定时的规定（{new_clause}，时效{new_years}年）并不较轻",
        "the act took place on {act}, before {before}: under article 37 the rule in force when it took "
        "place applies ({old_clause}, {old_years} years); the rule in force at the decision "
        "({new_clause}, {new_years} years) is not lighter",
    ),
    "penalty-limitation.new": (
        "违法行为发生于{act}，在{before}之前：作出决定时的规定（{new_clause}，时效{new_years}年）"
        "较违法行为发生时的规定（{old_clause}，时效{old_years}年）为轻，依第三十七条适用新的规定",
        "the act took place on {act}, before {before}: the rule in force at the decision ({new_clause}, "
        "{new_years} years) is lighter than the rule in force when it took place ({old_clause}, "
        "{old_years} years), so under article 37 the new rule applies",
    ),
    # collective-decision
    "collective-decision.missing": (
        "对情节复杂或者重大违法行为“{violation}”给予行政处罚，{why}",
        "a penalty for the complex or major violation '{violation}' {why}",
    ),
    "collective-decision.not-held": (
        "未经行政机关负责人集体讨论决定",
        "was not decided collectively by the agency's leaders",
    ),
    "collective-decision.not-recorded": (
        "未记录行政机关负责人集体讨论决定（collective_decision）",
        "has no record of a collective decision by the agency's leaders (collective_decision)",
    ),
    "collective-decision.hold": (
        "由行政机关负责人集体讨论决定后再作出处罚决定",
        "have the agency's leaders discuss and decide collectively before the decision",
    ),
    # decision-period
    "decision-period.late": (
        "处罚决定于{decided}作出，超过立案（{filed}）之日起{days}日的期限（至{due}）",
        "the decision on {decided} came after the {days} days from the filing of the case ({filed}), "
        "which ended on {due}",
    ),
    "decision-period.late-extended": (
        "处罚决定于{decided}作出，超过立案（{filed}）之日起{days}日的期限（至{due}）；处罚记载有法律、"
        "法规、规章另有规定或经批准延长（extended），据此豁免",
        "the decision on {decided} came after the {days} days from the filing of the case ({filed}), "
        "which ended on {due}; the penalty records a longer period set by law or an approved extension "
        "(extended), so it is waived",
    ),
    "decision-period.missing": (
        "未注明立案日期（case_filed_on），无法核对第六十条的{days}日决定期限",
        "the date the case was filed (case_filed_on) is not given: the {days}-day decision period of "
        "article 60 cannot be checked",
    ),
    "decision-period.decide": (
        "在立案之日起{days}日内作出决定，或依法办理延长并记录（extended）",
        "decide within {days} days of filing the case, or extend the period as the law allows and record "
        "it (extended)",
    ),
    # statement-and-defence
    "statement-and-defence.not-heard": (
        "作出处罚决定前未听取当事人的陈述、申辩，且当事人未明确放弃，不得作出行政处罚决定",
        "the party's statement and defence were not heard before the decision and the party did not "
        "expressly waive them: no penalty decision may be made",
    ),
    "statement-and-defence.waived": (
        "当事人于{on}明确放弃陈述、申辩权利，未听取陈述、申辩不影响作出决定",
        "the party expressly waived its right to state and defend itself on {on}: the decision may be "
        "made without hearing them",
    ),
    "statement-and-defence.missing": (
        "未注明是否听取了当事人的陈述、申辩（statement_heard），无法核对第六十二条",
        "whether the party's statement and defence were heard (statement_heard) is not given: article 62 "
        "cannot be checked",
    ),
    "statement-and-defence.hear": (
        "告知拟作出的处罚内容及事实、理由、依据，听取当事人的陈述、申辩后再作出决定",
        "notify the party of the intended penalty and its facts, reasons and basis, and hear its "
        "statement and defence before deciding",
    ),
    # hearing-request-period
    "hearing-request-period.early": (
        "当事人可于告知后{n}个工作日内（至{due}）要求听证，处罚决定却于{decided}作出{note}",
        "the party may request a hearing within {n} working days of notice (until {due}), but the "
        "decision was made on {decided}{note}",
    ),
    "hearing-request-period.wait": (
        "待{due}届满且当事人未要求听证（或听证结束）后再作出决定",
        "decide only after {due}, once no hearing was requested (or the hearing was held)",
    ),
    "hearing-request-period.provisional": (
        "（{year}年节假日安排尚未公布，期限为暂定）",
        " (the {year} holiday notice is not known: the period is provisional)",
    ),
    "hearing-request-period.waived": (
        "当事人于{on}明确放弃听证，作出决定不受告知后{n}个工作日期限的限制",
        "the party expressly waived the hearing on {on}: the decision need not wait for the {n} working "
        "days after notice",
    ),
    # hearing-notice-period
    "hearing-notice-period.short": (
        "听证于{held}举行，但听证时间、地点于{notified}才通知当事人，"
        "不足{n}个工作日（最早可于{earliest}举行）{note}",
        "the hearing was held on {held}, but the party was told its time and place only on {notified}, "
        "less than {n} working days before (the earliest day was {earliest}){note}",
    ),
    "hearing-notice-period.missing": (
        "已于{held}举行听证，但未注明通知听证时间、地点的日期（hearing_time_notified_on），"
        "无法核对七日前通知的要求",
        "a hearing was held on {held}, but the date its time and place were notified "
        "(hearing_time_notified_on) is not given: the 7-day notice cannot be checked",
    ),
    "hearing-notice-period.renotify": (
        "在举行听证的{n}个工作日前通知当事人听证的时间、地点，重新举行听证",
        "notify the party of the time and place {n} working days before the hearing, and hold it again",
    ),
    "hearing-notice-period.provisional": (
        "（{year}年节假日安排尚未公布，期限为暂定）",
        " (the {year} holiday notice is not known: the period is provisional)",
    ),
    # inspecting-body
    "inspecting-body.what": (
        "检查主体资格及其公告",
        "the inspecting body and its publication",
    ),
    "inspecting-body.unknown": (
        "检查主体{agency}不在登记册的行政检查主体名单中，不得实施行政检查",
        "inspecting body {agency} is not on the registry's list of inspecting bodies; it may not inspect",
    ),
    "inspecting-body.kind": (
        "{agency}属于{body}，不是合法的行政检查主体（限于行政机关、法律法规授权组织、受委托组织）",
        "{agency} is a {body}, not a lawful inspecting body (only administrative organs, authorised and "
        "entrusted organisations)",
    ),
    "inspecting-body.unlisted": (
        "检查主体{agency}于{date}尚未作为行政检查主体向社会公告（公告日期：{listed}）",
        "{agency} was not yet published as an inspecting body on {date} (published: {listed})",
    ),
    "inspecting-body.not-listed": (
        "未公告",
        "not published",
    ),
    "inspecting-body.fix": (
        "由已确认并公告的行政检查主体实施检查",
        "have a confirmed and published inspecting body carry out the inspection",
    ),
    # certified-inspectors
    "certified-inspectors.missing": (
        "未列明检查人员（inspectors），无法核查其是否取得执法证件",
        "the inspectors are not stated (inspectors): could not check their certificates",
    ),
    "certified-inspectors.uncertified": (
        "检查人员{inspector}（{role}）未取得执法证件，不得实施行政检查",
        "inspector {inspector} ({role}) holds no enforcement certificate and may not inspect",
    ),
    "certified-inspectors.never": (
        "检查人员{inspector}属于{role}，不得实施行政检查",
        "inspector {inspector} is {role} and may not inspect",
    ),
    "certified-inspectors.fix": (
        "由取得执法证件的执法人员实施检查",
        "have certified enforcement officers carry out the inspection",
    ),
    "certified-inspectors.officer": (
        "执法人员",
        "an enforcement officer",
    ),
    "certified-inspectors.assistant": (
        "执法辅助人员",
        "an enforcement assistant",
    ),
    "certified-inspectors.grid-worker": (
        "网格员",
        "a grid worker",
    ),
    "certified-inspectors.temporary": (
        "临时工",
        "a temporary worker",
    ),
    "certified-inspectors.third-party": (
        "第三方机构人员",
        "third-party staff",
    ),
    # published-matter
    "published-matter.what": (
        "检查事项是否已公布",
        "whether the matters inspected were published",
    ),
    "published-matter.unlisted": (
        "事项“{label}”不在{agency}公布的行政检查事项清单中，不得实施检查",
        "matter '{label}' is not on the list of inspection matters {agency} published; it may not be "
        "inspected",
    ),
    "published-matter.late": (
        "事项“{label}”于{published}才公布，晚于检查日期{date}：未经公布的行政检查事项，不得实施",
        "matter '{label}' was published only on {published}, after the inspection date {date}: an "
        "unpublished matter may not be inspected",
    ),
    "published-matter.drop": (
        "从本次检查中删去事项“{matter}”，或待其公布后再检查",
        "drop matter '{matter}' from this inspection, or inspect it once published",
    ),
    # prior-approval
    "prior-approval.missing": (
        "检查前未报请行政执法主体负责人批准（approval）",
        "not approved by the head of the inspecting body before the inspection (approval)",
    ),
    "prior-approval.late": (
        "行政执法主体负责人于{on}批准，晚于检查日期{date}",
        "approved by the head of the inspecting body on {on}, after the inspection date {date}",
    ),
    "prior-approval.pending": (
        "情况紧急当场实施的检查，须及时报告并补办批准手续（approval 尚未记录）",
        "an urgent inspection carried out on the spot must be reported and approved after the fact (no "
        "approval recorded yet)",
    ),
    "prior-approval.after": (
        "紧急检查于{on}补办批准手续",
        "urgent inspection approved after the fact on {on}",
    ),
    "prior-approval.get": (
        "检查前报请行政执法主体负责人批准",
        "obtain the approval of the head of the inspecting body before the inspection",
    ),
    # special-inspection-plan
    "special-inspection-plan.what": (
        "专项检查计划的批准机关",
        "the authority that approved the special-inspection plan",
    ),
    "special-inspection-plan.deployed": (
        "上级（{level}）部署的专项检查：本文件未载明检查计划，未予核查",
        "special inspection deployed by a {level} authority: the plan is not stated in this document and "
        "was not checked",
    ),
    "special-inspection-plan.no-plan": (
        "专项检查未事先拟定检查计划（special_plan）",
        "special inspection without a plan drawn up beforehand (special_plan)",
    ),
    "special-inspection-plan.unapproved": (
        "专项检查计划未经批准",
        "the special-inspection plan is not approved",
    ),
    "special-inspection-plan.late": (
        "专项检查计划于{on}批准，晚于检查日期{date}",
        "the special-inspection plan was approved on {on}, after the inspection date {date}",
    ),
    "special-inspection-plan.unfiled": (
        "专项检查计划未按规定备案",
        "the special-inspection plan is not filed",
    ),
    "special-inspection-plan.unpublished": (
        "专项检查计划未向社会公布",
        "the special-inspection plan is not published",
    ),
    "special-inspection-plan.approver": (
        "专项检查计划由{by}批准，不是县级以上人民政府或实行垂直管理的上一级行政机关",
        "the special-inspection plan was approved by {by}, not by a people's government at county level "
        "or above nor by the vertically managing superior organ",
    ),
    "special-inspection-plan.fix": (
        "拟定检查计划，经县级以上人民政府或实行垂直管理的上一级行政机关批准，备案并向社会公布后再实施",
        "draw up the plan, have it approved by a people's government at county level or above (or the "
        "vertically managing superior organ), file and publish it before inspecting",
    ),
    # annual-cap
    "annual-cap.daily": (
        "日常检查",
        "routine (daily) inspection",
    ),
    "annual-cap.case": (
        "个案检查",
        "case inspection",
    ),
    "annual-cap.special": (
        "专项检查",
        "special inspection",
    ),
    "annual-cap.special-deployed": (
        "上级部署的专项检查",
        "special inspection deployed from above",
    ),
    "annual-cap.what": (
        "主管部门公布的年度检查频次上限",
        "the annual cap the department published",
    ),
    "annual-cap.no-cap": (
        "{agency}所属部门（{department}）未公布{type}的年度频次上限（登记册{registry}），无法核查",
        "the department of {agency} ({department}) published no annual cap for a {type} (registry "
        "{registry}): could not check",
    ),
    "annual-cap.over": (
        "本次为{agency}{period}内对该企业的第{n}次{type}，超过年度上限{cap}次（此前：{earlier}）",
        "this is inspection no. {n} ({type}) of the enterprise by {agency} in {period}, above the annual "
        "cap of {cap} (earlier: {earlier})",
    ),
    "annual-cap.over-approved": (
        "本次为{agency}{period}内对该企业的第{n}次{type}，超过年度上限{cap}次，已于{on}经{by}同意",
        "this is inspection no. {n} ({type}) of the enterprise by {agency} in {period}, above the annual "
        "cap of {cap}, approved by {by} on {on}",
    ),
    "annual-cap.no-approval": (
        "，且未报同级人民政府同意（over_cap_approval）",
        ", and the same-level people's government has not approved it (over_cap_approval)",
    ),
    "annual-cap.late-approval": (
        "，同级人民政府同意的日期{on}晚于检查日期{date}",
        ", and the government's approval of {on} is after the inspection date {date}",
    ),
    "annual-cap.not-government": (
        "，同意方{by}不是与检查主体同级的人民政府",
        ", and {by}, who approved it, is not the people's government of the agency's level",
    ),
    "annual-cap.unchecked-approver": (
        "超次检查经{by}同意；未提供登记册，无法核查{by}是否为同级人民政府",
        "inspection above the cap approved by {by}; without a registry envrules could not check that "
        "{by} is the same-level people's government",
    ),
    "annual-cap.drop": (
        "取消本次检查，或改用书面核查等非现场方式",
        "cancel this inspection, or check in writing instead",
    ),
    "annual-cap.approve": (
        "报同级人民政府同意后再实施，或取消本次检查",
        "obtain the same-level people's government's approval first, or cancel this inspection",
    ),
    # code-scanned
    "code-scanned.missing": (
        "未说明是否扫码入企（code_scanned），无法核查",
        "whether the enterprise's code was scanned is not stated (code_scanned): could not check",
    ),
    "code-scanned.unscanned": (
        "现场检查未扫码入企（code_scanned = false）",
        "on-site inspection without scanning the enterprise's code (code_scanned = false)",
    ),
    "code-scanned.scan": (
        "入企前通过行政检查码扫码登记",
        "register by scanning the inspection code before entering",
    ),
    # merge-or-joint
    # the English does not repeat the first day: "{dates:.0}" writes nothing
    "merge-or-joint.same": (
        "{agency}于{dates}前后{days}日内已对该企业安排检查（{ids}）：能合并实施的，不得重复检查",
        "{agency}{dates:.0} has other inspections of this enterprise within {days} days ({ids}): what can be "
        "merged must not be inspected twice",
    ),
    "merge-or-joint.other": (
        "其他部门（{agencies}）于前后{days}日内对该企业安排检查（{ids}）：能联合实施的，不得多头检查",
        "other agencies ({agencies}) inspect this enterprise within {days} days ({ids}): what can be "
        "done jointly must not be done separately",
    ),
    "merge-or-joint.written": (
        "；能通过书面核查、信息共享等方式监管的，不得入企实施现场检查",
        "; what can be supervised in writing or by shared information must not be inspected on site",
    ),
    # attested-until
    "attested-until.stale": (
        "本规则包仅有资料证明其至{until}仍然有效（{source}），本次行为日期为{day}：请核实其是否仍然适用",
        "this pack is attested in force until {until} ({source}) and the act is dated {day}: check that "
        "it still applies",
    ),
}
