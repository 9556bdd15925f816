/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* The message catalogue: every text a person reads in the workbooks the
 * library writes and in what the command line prints, by a stable code, in
 * English and Japanese. Both languages of a code say the same thing; a code
 * is never reused for another meaning. Tools and bindings read it through
 * scsec_message_text(). */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "scsec/common.h"
#include "io/messages.h"

typedef struct message {
	const char *code;
	const char *en;
	const char *ja;
} message;

static const message catalogue[] = {
	/* ---- the answer workbook (scsec_criteria_template_xlsx) */
	{ "tpl.sheet.instructions", "Instructions", "記入方法" },
	{ "tpl.sheet.answers", "Answers", "回答" },
	{ "tpl.title", "Answer sheet", "回答シート" },
	{ "tpl.set", "Criteria set", "評価基準セット" },
	{ "tpl.rows", "Rows to answer", "回答する行数" },
	{ "tpl.howto.1",
	  "Answer on the sheet \"Answers\": one row per criterion and prerequisite. The grey columns "
	  "describe the criterion and are locked; fill in the white answer columns.",
	  "「回答」シートに記入してください。評価基準・前提条件ごとに1行です。灰色の列は評価基準の"
	  "説明で、変更できません。白い回答欄に記入してください。" },
	{ "tpl.howto.2",
	  "Status: choose from the list (met, partial, not met, not applicable). A row without a status "
	  "is read as unanswered; not applicable needs a justification.",
	  "実施状況：一覧から選んでください（実施・一部実施・未実施・該当なし）。実施状況が空欄の行は"
	  "未回答として扱います。「該当なし」には根拠・説明が必要です。" },
	{ "tpl.howto.3",
	  "Method: how the answer was assessed (self-assessment, reviewed by an expert, third-party "
	  "assessment).",
	  "評価方法：どのように評価したか（自己評価・専門家確認・第三者評価）を選んでください。" },
	{ "tpl.howto.4",
	  "Assessor and assessor ID: who assessed (a name, and an identifier such as a corporate "
	  "number or an e-mail address).",
	  "評価者・評価者ID：評価した人の氏名と、法人番号やメールアドレスなどの識別子。" },
	{ "tpl.howto.5",
	  "Assessed on and expires on: dates, entered as dates (2026-04-01 or 2026/4/1). Expires on may "
	  "stay empty: the level's validity then applies. Planned on: for an item not yet met, the day "
	  "it is planned to be met (a projection only, never the level).",
	  "評価日・有効期限：日付として入力してください（2026/4/1 または 2026-04-01）。有効期限は空欄"
	  "でもかまいません（レベルの有効期間が適用されます）。完了予定日：未実施の項目を実施する予定の日"
	  "（見込みの計算にだけ使い、レベルには影響しません）。" },
	{ "tpl.howto.6",
	  "Justification: why the answer holds. Artifact: the evidence, one per line, as URI or URI "
	  "sha256:HEX. Note: anything else.",
	  "根拠・説明：回答の理由。証跡：根拠資料を1行に1件、URI または URI sha256:HEX の形で。"
	  "備考：その他。" },
	{ "tpl.howto.7",
	  "Leave the id column and the header row as they are: the answers are read by column name "
	  "and id.",
	  "ID 列と見出し行は変更しないでください。回答は列名と ID で読み取ります。" },
	{ "tpl.howto.8",
	  "Read the answers back with: scsec import-csv answers.xlsx -o evidence.xml (or save the sheet "
	  "\"Answers\" as \"CSV UTF-8\" and import that file).",
	  "回答の取り込み：scsec import-csv answers.xlsx -o evidence.xml（または「回答」シートを"
	  "「CSV UTF-8」で保存して取り込みます）。" },
	{ "tpl.howto.9",
	  "The sheet is protected without a password, only to keep the criteria columns from being "
	  "changed by accident.",
	  "シートの保護（パスワードなし）は、評価基準の列を誤って変更しないためのものです。" },
	{ "tpl.input.status", "Choose the status of this item.", "この項目の実施状況を選んでください。" },
	{ "tpl.input.method", "Choose how it was assessed.", "評価方法を選んでください。" },
	{ "tpl.input.date", "Enter a date, e.g. 2026-04-01.", "日付を入力してください（例 2026/4/1）。" },
	{ "tpl.error.list", "Choose a value from the list.", "一覧から選んでください。" },
	{ "tpl.error.date", "Enter a date between 2000-01-01 and 2099-12-31.",
	  "2000/1/1 から 2099/12/31 までの日付を入力してください。" },
	/* ---- the text summary (scsec evaluate) */
	/* The HTML report's headings (tools/render.c). */
	{ "report.title", "Supply-chain security evaluation", "サプライチェーン・セキュリティ評価" },
	{ "report.result", "Result", "評価結果" },
	{ "report.levels", "Levels", "レベル" },
	{ "report.functions", "Criteria by NIST CSF 2.0 function", "NIST CSF 2.0 の機能別の評価基準" },
	{ "report.gaps", "Gaps", "未達の項目" },
	{ "report.assess", "Already met, needs a stronger assessment",
	  "実施済み・より上位の評価方法が必要" },
	{ "report.fixes", "Needs fixes", "要対応" },
	{ "report.prerequisites", "Prerequisites", "前提条件" },
	{ "report.projection", "Projection (if every plan holds)", "達成見込み（計画どおりの場合）" },
	{ "report.signatures", "Who vouched", "署名者" },
	{ "report.renewal", "Renewal due", "更新時期" },
	{ "report.nesting", "Levels do not nest", "レベルは入れ子ではありません" },
	{ "report.provenance", "Provenance", "来歴" },
	{ "summary.subject", "Subject", "評価対象" },
	{ "summary.evidence", "Evidence", "回答記録" },
	{ "summary.criteria", "Criteria", "評価基準" },
	{ "summary.level", "Level", "レベル" },
	{ "summary.no-level", "no level", "レベルなし" },
	{ "summary.valid-until", "Valid until", "有効期限" },
	{ "summary.as-of", "As of", "評価基準日" },
	{ "summary.derived", "Derived", "派生" },
	{ "summary.derived.text",
	  "the record was derived through a mapping set: a head start for a person to review, not an "
	  "assessment",
	  "この回答記録はマッピングセットから導いたものです。人が確認するための出発点であり、評価では"
	  "ありません" },
	{ "summary.required", "Required", "要求レベル" },
	{ "summary.met", "met", "達成" },
	{ "summary.not-met", "NOT met", "未達" },
	{ "summary.score", "Score", "スコア" },
	{ "summary.score.value", "%ld of %ld", "%ld / %ld" },
	{ "summary.band", ", band %s", "、区分 %s" },
	{ "summary.na", "Not applicable", "該当なし" },
	{ "summary.na.level", "%s: %zu of %zu satisfied", "%s: %zu 項目（満たした %zu 項目のうち）" },
	{ "summary.na.by-category", "  at %s by category: ", "  %s の分類別: " },
	{ "summary.sep", ", ", "、" },
	{ "summary.unstated-role",
	  "Unstated role: %s needs an answer by '%s'; its answer states no role (it counts, but "
	  "nothing says who gave it)",
	  "役割の記載なし: %s には「%s」による回答が必要ですが、回答に役割の記載がありません（回答は"
	  "有効ですが、誰が回答したかが分かりません）" },
	{ "summary.trust", "Trust", "信頼リスト" },
	{ "summary.trust.value", "%s %s (%s); the signatures support %s",
	  "%s %s（%s）。署名が裏付ける評価方法: %s" },
	{ "summary.trust.checked", "the operator's signature checked", "運営者の署名を確認済み" },
	{ "summary.trust.unchecked", "NOT verified: its signature was not checked",
	  "未検証: 署名を確認していません" },
	{ "summary.no-certificate", "no certificate", "証明書なし" },
	{ "summary.no-signing-time", "no signing time", "署名時刻なし" },
	{ "summary.no-signature", "the record carries no signature", "回答記録に署名がありません" },
	{ "summary.projection", "Projection", "達成見込み" },
	{ "summary.projection.value", "if every plan holds (a plan, not an assessment)",
	  "計画どおりに進んだ場合（計画であり、評価ではありません）" },
	{ "summary.projection.reached", "reached on %s", "%s に達成" },
	{ "summary.projection.blocked", "blocked by %zu items:", "妨げている項目 %zu 件:" },
	{ "summary.projection.blocked.one", "blocked by %zu item:", "妨げている項目 %zu 件:" },
	{ "summary.more", " and %zu more", " ほか %zu 件" },
	{ "summary.top-level", "No gaps: %s is the top level of the set.",
	  "未達の項目はありません: %s はこの評価基準セットの最上位レベルです。" },
	{ "summary.gaps.none", "Gaps to %s: none.", "%s までの未達: なし。" },
	{ "summary.gaps.figures", "Gaps to %s: %zu (%zu of %zu items satisfied)",
	  "%1$s までの未達: %2$zu 件（%4$zu 項目中 %3$zu 項目を満たす）" },
	{ "summary.gaps.count", "Gaps to %s: %zu", "%s までの未達: %zu 件" },
	{ "summary.reason-count", "%zu %s", "%2$s %1$zu" },
	{ "summary.hint", "%zu gaps: -v lists each one, --format json gives them all with their reasons.",
	  "未達 %zu 件: -v で1件ずつ、--format json で理由付きの全件を表示します。" },
	/* The HTML report's sentences and table headings (tools/render.c). */
	{ "report.stop", ".", "。" },
	{ "report.none", "none", "なし" },
	{ "report.yes", "yes", "はい" },
	{ "report.no", "no", "いいえ" },
	{ "report.any", "any", "問わない" },
	{ "report.provisional", " (provisional)", "（暫定）" },
	{ "report.met", "met", "達成" },
	{ "report.not-met", "not met", "未達" },
	{ "report.na-count", "(%zu not applicable)", "（うち該当なし %zu）" },
	{ "report.reason-count", "%s %zu", "%s %zu" },
	{ "report.evidence-record", "evidence record", "回答記録" },
	{ "report.no-subject", "Supplier not named in the evidence", "回答記録に取引先名がありません" },
	{ "report.level-reached", "Level reached", "達成レベル" },
	{ "report.rank", " (rank %d)", "（ランク %d）" },
	{ "report.valid-days", "%s (%ld days from the evaluation date)", "%s（評価基準日から %ld 日）" },
	{ "report.valid-days.one", "%s (%ld day from the evaluation date)", "%s（評価基準日から %ld 日）" },
	{ "report.required", "Required level", "要求レベル" },
	{ "report.na-text", "%zu of the %zu satisfied items of %s were answered not applicable (with a "
	  "justification)",
	  "%3$s で満たした %2$zu 項目のうち %1$zu 項目は、根拠とともに該当なしと回答されています" },
	{ "report.criteria-set", "Criteria set", "評価基準セット" },
	{ "report.renewal.expires", "%s expires in %ld days, after %s.",
	  "%s の有効期限まであと %ld 日です（%s まで）。" },
	{ "report.renewal.expires.one", "%s expires in %ld day, after %s.",
	  "%s の有効期限まであと %ld 日です（%s まで）。" },
	{ "report.renewal.rests", " It rests on %zu answers whose validity ends then:",
	  "その日に有効期限が切れる %zu 件の回答にもとづいています:" },
	{ "report.renewal.rests.one", " It rests on %zu answer whose validity ends then:",
	  "その日に有効期限が切れる %zu 件の回答にもとづいています:" },
	{ "report.renewal.advice", " Re-assess them before that day to keep the level.",
	  "レベルを維持するには、その日までに再評価してください。" },
	{ "report.col.level", "Level", "レベル" },
	{ "report.col.met", "Met", "達成" },
	{ "report.col.satisfied", "Satisfied / applicable", "充足 / 対象" },
	{ "report.col.by-reason", "Unsatisfied, by reason", "未充足（理由別）" },
	{ "report.col.method", "Method needed, validity", "必要な評価方法・有効期間" },
	{ "report.col.category", "Category", "分類" },
	{ "report.col.function", "Function", "機能" },
	{ "report.col.id", "Id", "ID" },
	{ "report.col.reason", "Reason", "理由" },
	{ "report.col.criterion", "Criterion", "評価基準" },
	{ "report.col.answer", "Answer", "回答" },
	{ "report.col.party", "Party", "当事者" },
	{ "report.col.role", "Role", "役割" },
	{ "report.col.signer", "Signer", "署名者" },
	{ "report.col.signed", "Signed", "署名日" },
	{ "report.col.verdict", "Verdict", "判定" },
	{ "report.col.reached-on", "Reached on", "達成予定日" },
	{ "report.col.blocked-by", "Blocked by", "妨げている項目" },
	{ "report.unstated-role",
	  "Unstated role: %s needs an answer by %s; its answer states no role. It counts, but nothing "
	  "in the record says who gave it.",
	  "役割の記載なし: %s には %s による回答が必要ですが、回答に役割の記載がありません。回答は有効"
	  "ですが、誰が回答したかが記録にありません。" },
	{ "report.chart.title",
	  "Criteria of %s per NIST CSF 2.0 function: satisfied, met but needing a stronger assessment, "
	  "open",
	  "NIST CSF 2.0 の機能別の %s の評価基準: 充足、実施済みだが上位の評価方法が必要、未対応" },
	{ "report.chart.bar",
	  "%s (%s): %zu of %zu criteria satisfied, %zu met but needing a stronger assessment, %zu open",
	  "%1$s（%2$s）: %4$zu 件中 %3$zu 件を充足、%5$zu 件は実施済みだが上位の評価方法が必要、"
	  "%6$zu 件が未対応" },
	{ "report.chart.value", "%zu done, %zu to assess, %zu open", "充足 %zu、要評価 %zu、未対応 %zu" },
	{ "report.chart.empty", "no criteria at this level", "このレベルの評価基準なし" },
	{ "report.legend.satisfied", "satisfied", "充足" },
	{ "report.legend.method", "met, needs %s", "実施済み・%sが必要" },
	{ "report.legend.open", "open", "未対応" },
	{ "report.legend.held", "thin bar: satisfied at %s, the level held",
	  "細い棒: 達成済みのレベル %s での充足" },
	{ "report.answer.none", "no answer", "回答なし" },
	{ "report.answer.assessed", ", assessed %s", "、評価日 %s" },
	{ "report.answer.valid-to", ", valid to %s", "、有効期限 %s" },
	{ "report.answer.by", "by %s", "評価者: %s" },
	{ "report.answer.justification", "justification: %s", "根拠: %s" },
	{ "report.answer.no-justification", "no justification given", "根拠の記載なし" },
	{ "report.answer.unverified", "no trusted signature vouches for it",
	  "信頼できる署名による裏付けがありません" },
	{ "report.requirement", "requirement %s %s", "要求事項 %s %s" },
	{ "report.nesting.text",
	  "%1$s is held, but %2$s is not: each level is judged on its own criteria and prerequisites, "
	  "and %1$s does not require %2$s. %2$s needs:",
	  "%1$s は達成していますが、%2$s は達成していません。レベルはそれぞれの評価基準と前提条件で"
	  "判定され、%1$s は %2$s の達成を前提としません。%2$s に必要なもの:" },
	{ "report.nesting.prerequisite", "the prerequisite ", "前提条件 " },
	{ "report.trust", "Trust list %s version %s; the signatures that count support %s.",
	  "信頼リスト %s バージョン %s。有効な署名が裏付ける評価方法: %s。" },
	{ "report.no-signature", "The record carries no signature: nobody vouched for it.",
	  "回答記録に署名がありません。誰も内容を裏付けていません。" },
	{ "report.projection.note",
	  "From the planned completion dates in the record: a plan, not an assessment. It never "
	  "changes the level above.",
	  "回答記録の完了予定日から計算した見込みです。計画であり評価ではないため、上記のレベルは"
	  "変わりません。" },
	{ "report.nothing", "nothing", "なし" },
	{ "report.gaps.none", "None: every criterion and prerequisite of %s is satisfied.",
	  "なし: %s のすべての評価基準と前提条件を満たしています。" },
	{ "report.lead.needs", "%s needs ", "%s に必要なもの: " },
	{ "report.lead.assess", "%s of %zu criteria already met",
	  "実施済みの評価基準 %2$zu 件の%1$s" },
	{ "report.lead.assess.one", "%s of %zu criterion already met",
	  "実施済みの評価基準 %2$zu 件の%1$s" },
	{ "report.lead.and", ", and ", "、" },
	{ "report.lead.fixes", "%zu fixes", "%zu 件の対応" },
	{ "report.lead.fixes.one", "%zu fix", "%zu 件の対応" },
	{ "report.engine", "Engine", "評価エンジン" },
	{ "report.written-by", "Report written by", "レポート作成" },
	{ "report.version", " version ", " バージョン " },
	{ "report.criteria-fingerprint", "Criteria fingerprint", "評価基準のフィンガープリント" },
	{ "report.evidence-file", "Evidence file", "回答記録ファイル" },
	{ "report.evidence-fingerprint", "Evidence fingerprint", "回答記録のフィンガープリント" },
	{ "report.derived",
	  "The evidence was derived through a mapping set (answers given to another framework or "
	  "revision): a head start for a person to review, not an assessment.",
	  "この回答記録は、マッピングセットを通じて別の枠組みや版への回答から導いたものです。人が"
	  "確認するための出発点であり、評価ではありません。" },
	{ "report.note", "Note", "注記" },
	{ "report.other-fingerprint",
	  "The evidence was written against a copy of the criteria set with another fingerprint (%s): "
	  "its texts may differ.",
	  "回答記録は別のフィンガープリント（%s）の評価基準セットに対して作成されています。文言が"
	  "異なる場合があります。" },
	{ "report.subject-id", "Subject identifier", "評価対象の識別子" },
	{ "report.record-made", "Evidence record made", "回答記録の作成" },
	{ "report.made-by", "%s by %s", "%s（%s）" },
	{ "report.evaluated-as-of", "Evaluated as of", "評価基準日" },
	{ "report.footer.provisional", "The validity periods of this criteria set are marked "
	  "provisional. ",
	  "この評価基準セットの有効期間は暫定値です。" },
	{ "report.footer",
	  "The level is computed by libscsec from the evidence as given; it is not a certificate. The "
	  "same criteria set, evidence and date give the same result everywhere (see the fingerprints "
	  "above).",
	  "レベルは libscsec が与えられた回答記録から計算したもので、認証書ではありません。同じ評価"
	  "基準セット・回答記録・評価基準日からは、どこでも同じ結果になります（上記のフィンガー"
	  "プリントを参照）。" },
	/* ---- the buyer's dashboard (scsec portfolio) */
	{ "dashboard.title", "Supplier portfolio", "取引先ポートフォリオ" },
	{ "dashboard.title.as-of", "Supplier portfolio as of %s", "取引先ポートフォリオ（%s 時点）" },
	{ "dashboard.as-of", "As of %s", "%s 時点" },
	{ "dashboard.card.suppliers", "suppliers", "取引先" },
	{ "dashboard.card.meet", "meet their contracts", "契約の要求を満たす" },
	{ "dashboard.card.below", "below their requirement", "要求レベルに未達" },
	{ "dashboard.card.expiring", "expire within %d days", "%d 日以内に期限切れ" },
	{ "dashboard.card.unreadable", "files not read", "読み込めなかったファイル" },
	{ "dashboard.card.untrusted", "unsigned or unverified", "署名なし・未検証" },
	{ "dashboard.glance", "At a glance", "概要" },
	{ "dashboard.chart.levels", "Suppliers per level", "レベル別の取引先数" },
	{ "dashboard.chart.levels.title", "Suppliers per achieved level", "達成レベル別の取引先数" },
	{ "dashboard.chart.no-level", "no level", "レベルなし" },
	{ "dashboard.none", "none", "なし" },
	{ "dashboard.chart.expiry", "Levels ending, next 12 months", "今後12か月に期限を迎えるレベル" },
	{ "dashboard.chart.expiry.title", "Levels ending per month, next 12 months",
	  "今後12か月の月別の期限切れ件数" },
	{ "dashboard.chart.later", "later", "以降" },
	{ "dashboard.month.1", "Jan", "1月" },
	{ "dashboard.month.2", "Feb", "2月" },
	{ "dashboard.month.3", "Mar", "3月" },
	{ "dashboard.month.4", "Apr", "4月" },
	{ "dashboard.month.5", "May", "5月" },
	{ "dashboard.month.6", "Jun", "6月" },
	{ "dashboard.month.7", "Jul", "7月" },
	{ "dashboard.month.8", "Aug", "8月" },
	{ "dashboard.month.9", "Sep", "9月" },
	{ "dashboard.month.10", "Oct", "10月" },
	{ "dashboard.month.11", "Nov", "11月" },
	{ "dashboard.month.12", "Dec", "12月" },
	{ "dashboard.chart.heat", "Criteria satisfied per category", "分類別の評価基準の充足状況" },
	{ "dashboard.chart.heat.note",
	  "At each supplier's target level: the level its contracts require, else the one above the "
	  "level it holds.",
	  "各取引先の目標レベル（契約が要求するレベル、なければ保持するレベルの一つ上）での充足状況"
	  "です。" },
	{ "dashboard.chart.heat.each", "Share of each category's criteria satisfied, per supplier",
	  "取引先ごとの、分類別の評価基準の充足率" },
	{ "dashboard.chart.heat.bands", "Suppliers per share of each category's criteria satisfied",
	  "分類別の評価基準の充足率ごとの取引先数" },
	{ "dashboard.chart.heat.cell", "%s: %zu of %zu", "%1$s: %3$zu 件中 %2$zu 件" },
	{ "dashboard.col.supplier", "Supplier", "取引先" },
	{ "dashboard.col.name", "Name", "名称" },
	{ "dashboard.col.level", "Level", "レベル" },
	{ "dashboard.col.required", "Required", "要求レベル" },
	{ "dashboard.col.gap-method", "Met, needs a stronger assessment", "実施済み・上位の評価が必要" },
	{ "dashboard.col.gap-fixes", "Needs fixes", "対策が必要" },
	{ "dashboard.col.valid-until", "Valid until", "有効期限" },
	{ "dashboard.col.days-left", "Days left", "残り日数" },
	{ "dashboard.col.ending", "Answers that end it", "期限を決める回答" },
	{ "dashboard.col.criterion", "Criterion", "評価基準" },
	{ "dashboard.col.text", "Text", "内容" },
	{ "dashboard.col.suppliers", "Suppliers", "取引先数" },
	{ "dashboard.col.of-which", "Of which: a stronger assessment", "うち上位の評価が必要" },
	{ "dashboard.col.evidence", "Evidence", "回答記録" },
	{ "dashboard.col.contract", "Contract", "契約" },
	{ "dashboard.col.achieved", "Achieved", "達成レベル" },
	{ "dashboard.col.meets", "Meets", "充足" },
	{ "dashboard.col.gap-assessment", "Gap: assessment", "不足: 評価方法" },
	{ "dashboard.col.gap-fix", "Gap: fixes", "不足: 対策" },
	{ "dashboard.col.projected", "Target projected", "目標の達成見込み" },
	{ "dashboard.col.file", "File", "ファイル" },
	{ "dashboard.col.why", "Why it was not read", "読み込めなかった理由" },
	{ "dashboard.below", "Below their requirement", "要求レベルに未達の取引先" },
	{ "dashboard.below.none", "Every supplier with a contract meets it.",
	  "契約のあるすべての取引先が要求を満たしています。" },
	{ "dashboard.below.caption",
	  "The gap to the required level: items already met that need a stronger assessment (or a "
	  "trusted signature), and items that need fixes.",
	  "要求レベルまでの不足: 実施済みだが上位の評価方法（または信頼できる署名）が必要な項目と、"
	  "対策が必要な項目。" },
	{ "dashboard.expiring", "Expiring within %d days", "%d 日以内に期限切れ" },
	{ "dashboard.expiring.none", "No level ends in that time.",
	  "この期間に期限を迎えるレベルはありません。" },
	{ "dashboard.expiring.caption", "Soonest first; renewing the answers listed keeps the level.",
	  "期限の近い順。記載の回答を更新すればレベルを維持できます。" },
	{ "dashboard.missed", "Criteria most suppliers miss", "多くの取引先が満たしていない評価基準" },
	{ "dashboard.missed.none", "No supplier misses a criterion of its target level.",
	  "目標レベルの評価基準を満たしていない取引先はありません。" },
	{ "dashboard.missed.caption", "Where the buyer's support helps most (the first %d).",
	  "発注者の支援が最も効果的な項目（上位 %d 件）。" },
	{ "dashboard.untrusted", "Unsigned or unverified evidence", "署名なし・未検証の回答記録" },
	{ "dashboard.untrusted.none", "Every record carries a counting signature.",
	  "すべての回答記録に有効な署名があります。" },
	{ "dashboard.untrusted.caption",
	  "Under the trust list, their assessments count as self-assessments.",
	  "信頼リストの下では、これらの評価は自己評価として扱われます。" },
	{ "dashboard.contracts", "Contracts", "契約" },
	{ "dashboard.contracts.none", "No contracts were given (--contracts).",
	  "契約が指定されていません（--contracts）。" },
	{ "dashboard.contracts.caption", "Achieved against required, per contract.",
	  "契約ごとの要求レベルと達成レベル。" },
	{ "dashboard.no-evidence", "no evidence", "回答記録なし" },
	{ "dashboard.trust.unsigned", "unsigned", "署名なし" },
	{ "dashboard.trust.unverified", "unverified", "有効な署名なし" },
	{ "dashboard.trust.verified", "verified", "有効な署名あり" },
	{ "dashboard.yes", "yes", "はい" },
	{ "dashboard.no", "no", "いいえ" },
	{ "dashboard.suppliers", "Every supplier", "全取引先" },
	{ "dashboard.suppliers.caption", "By supplier id; the gap is to the target level.",
	  "取引先 ID 順。不足は目標レベルに対するものです。" },
	{ "dashboard.suppliers.caption.projected",
	  "By supplier id; the gap is to the target level; the projected day is the plan's (rule 12), "
	  "not an achieved level.",
	  "取引先 ID 順。不足は目標レベルに対するものです。達成見込み日は計画によるもの（規則 12）"
	  "で、達成したレベルではありません。" },
	{ "dashboard.blocked", "blocked (%zu)", "未達の項目あり（%zu）" },
	{ "dashboard.unreadable", "Files not read", "読み込めなかったファイル" },
	{ "dashboard.unreadable.caption", "These suppliers are in no figure above.",
	  "これらの取引先は上の集計に含まれていません。" },
	{ "dashboard.pager.previous", "previous", "前へ" },
	{ "dashboard.pager.next", "next", "次へ" },
	{ "dashboard.pager.rows", "rows %d\xe2\x80\x93%d of %zu", "%3$zu 行中 %1$d\xe2\x80\x93%2$d 行" },
	{ "dashboard.pager.rows.script", "rows {first}\xe2\x80\x93{last} of {n}",
	  "{n} 行中 {first}\xe2\x80\x93{last} 行" },
	{ "dashboard.pager.all", " (the CSV and JSON forms hold every row)",
	  "（CSV と JSON の形式にはすべての行があります）" },
	{ "dashboard.footer", "Made by %s with criteria set %s version %s (fingerprint %s).",
	  "%s により評価基準セット %s バージョン %s（フィンガープリント %s）で作成。" },
	{ "dashboard.footer.offline", " Nothing in this page is fetched from the network.",
	  "このページはネットワークから何も取得しません。" },
	/* ---- a result as a workbook (scsec evaluate --format xlsx) */
	{ "result.sheet.summary", "Summary", "概要" },
	{ "result.sheet.gaps", "Gaps", "不足項目" },
	{ "result.set", "Criteria set", "評価基準セット" },
	{ "result.level", "Level reached", "達成レベル" },
	{ "result.no-level", "none", "なし" },
	{ "result.valid-until", "Valid until", "有効期限" },
	{ "result.as-of", "As of", "評価基準日" },
	{ "result.gaps", "Gaps listed", "不足項目数" },
	{ "result.criterion", "criterion", "評価基準" },
	{ "result.prerequisite", "prerequisite", "前提条件" },
	{ "result.col.id", "id", "ID" },
	{ "result.col.type", "type", "種別" },
	{ "result.col.reason", "reason", "理由" },
	{ "result.col.explanation", "explanation", "説明" },
	{ "result.col.text", "text", "内容" },
	{ "result.col.note", "consultant's note", "コンサルタントのメモ" },
	/* The reasons of a gap, explained (scsec_reason_name() gives the token;
	 * "reason.role" is a prerequisite's method gap: another role). */
	{ "reason.missing", "not answered", "回答がありません" },
	{ "reason.not-met", "answered as not met", "未実施と回答されています" },
	{ "reason.partial", "only partly met", "一部のみ実施されています" },
	{ "reason.na-rejected", "claimed not applicable, but that is not allowed here or not justified",
	  "該当なしと回答されていますが、ここでは認められないか、根拠がありません" },
	{ "reason.method", "assessed by a weaker method than the level needs",
	  "このレベルが求めるより弱い評価方法で評価されています" },
	{ "reason.not-yet-valid", "no assessment date, or assessed after the evaluation date",
	  "評価日がないか、評価基準日より後に評価されています" },
	{ "reason.expired", "the answer's validity ran out before the evaluation date",
	  "評価基準日より前に回答の有効期限が切れています" },
	{ "reason.unverified", "no trusted signature vouches for the method the level needs",
	  "このレベルが求める評価方法を、信頼できる署名が裏付けていません" },
	{ "reason.role",
	  "answered by an assessor who states another role than the prerequisite names",
	  "前提条件が求める役割とは別の役割の評価者が回答しています" },
	/* The reasons as short labels, in the summary's and the report's gap
	 * lists: in English the token itself. */
	{ "label.reason.missing", "missing", "未回答" },
	{ "label.reason.not-met", "not-met", "未実施" },
	{ "label.reason.partial", "partial", "一部実施" },
	{ "label.reason.na-rejected", "na-rejected", "該当なし不可" },
	{ "label.reason.method", "method", "評価方法不足" },
	{ "label.reason.not-yet-valid", "not-yet-valid", "評価日不備" },
	{ "label.reason.expired", "expired", "期限切れ" },
	{ "label.reason.unverified", "unverified", "署名未確認" },
	/* A signature's verdict (scsec_verdict_name()) and a projection's
	 * blocker (scsec_blocker_name()). */
	{ "label.verdict.counted", "counted", "有効" },
	{ "label.verdict.invalid", "invalid", "無効な署名" },
	{ "label.verdict.stale", "stale", "署名後に変更" },
	{ "label.verdict.unknown-party", "unknown-party", "未登録の署名者" },
	{ "label.verdict.revoked", "revoked", "失効" },
	{ "label.verdict.no-signing-time", "no-signing-time", "署名時刻なし" },
	{ "label.verdict.not-trusted-then", "not-trusted-then", "署名時に信頼されていない" },
	{ "label.verdict.certificate-not-valid", "certificate-not-valid", "証明書が無効" },
	{ "label.blocker.unplanned", "unplanned", "予定なし" },
	{ "label.blocker.overdue", "overdue", "予定日超過" },
	{ "label.blocker.lapses", "lapses", "期限切れになる" },
	/* NIST CSF 2.0's functions, as IPA's translation names them. */
	{ "label.function.GV", "Govern", "統治" },
	{ "label.function.ID", "Identify", "識別" },
	{ "label.function.PR", "Protect", "防御" },
	{ "label.function.DE", "Detect", "検知" },
	{ "label.function.RS", "Respond", "対応" },
	{ "label.function.RC", "Recover", "復旧" },
	/* The method a level needs, in a sentence. */
	{ "words.method.third-party", "a third-party evaluation", "第三者評価" },
	{ "words.method.expert-reviewed", "an expert's review", "専門家の確認" },
	{ "words.method.self", "a self-assessment", "自己評価" },
	{ "words.method.stronger", "a stronger assessment", "より上位の評価方法" },
	/* The values of the dropdown lists: what the evidence readers accept. */
	{ "value.status.met", "met", "実施" },
	{ "value.status.partial", "partial", "一部実施" },
	{ "value.status.not-met", "not-met", "未実施" },
	{ "value.status.not-applicable", "not-applicable", "該当なし" },
	{ "value.method.self", "self", "自己評価" },
	{ "value.method.expert-reviewed", "expert-reviewed", "専門家確認" },
	{ "value.method.third-party", "third-party", "第三者評価" },
	/* The answer sheet's columns: the machine names (CSV) and the headers
	 * a Japanese workbook shows; the readers accept both. */
	{ "column.id", "id", "ID" },
	{ "column.type", "type", "種別" },
	{ "column.level", "level", "レベル" },
	{ "column.category", "category", "分類" },
	{ "column.requirement", "requirement", "要求事項" },
	{ "column.text", "text", "評価基準" },
	{ "column.status", "status", "実施状況" },
	{ "column.method", "method", "評価方法" },
	{ "column.assessor", "assessor", "評価者" },
	{ "column.assessor_id", "assessor_id", "評価者ID" },
	{ "column.assessor_role", "assessor_role", "評価者の役割" },
	{ "column.assessed_on", "assessed_on", "評価日" },
	{ "column.expires_on", "expires_on", "有効期限" },
	{ "column.planned_on", "planned_on", "完了予定日" },
	{ "column.justification", "justification", "根拠・説明" },
	{ "column.artifact", "artifact", "証跡" },
	{ "column.note", "note", "備考" },
};

#define NMESSAGES (sizeof catalogue / sizeof catalogue[0])

int scsec__lang_ja(const char *lang)
{
	return lang && !strncasecmp(lang, "ja", 2) && (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

static const message *find(const char *code)
{
	size_t i;

	for (i = 0; i < NMESSAGES; i++)
		if (!strcmp(catalogue[i].code, code))
			return &catalogue[i];
	return NULL;
}

const char *scsec__msg(const char *code, const char *lang)
{
	const message *m = find(code);

	if (!m)
		return code;
	return scsec__lang_ja(lang) ? m->ja : m->en;
}

const char *scsec__column_ja(const char *en)
{
	size_t i;

	for (i = 0; i < NMESSAGES; i++)
		if (!strncmp(catalogue[i].code, "column.", 7) && !strcmp(catalogue[i].en, en))
			return catalogue[i].ja;
	return NULL;
}

const char *scsec_message_text(const char *code, const char *lang)
{
	const message *m = code ? find(code) : NULL;

	if (!m)
		return NULL;
	return scsec__lang_ja(lang) ? m->ja : m->en;
}

size_t scsec_message_count(void)
{
	return NMESSAGES;
}

const char *scsec_message_code_at(size_t i)
{
	return i < NMESSAGES ? catalogue[i].code : NULL;
}
