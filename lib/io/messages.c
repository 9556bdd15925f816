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
	/* The reasons of a gap, explained (scsec_reason_name() gives the token). */
	{ "reason.missing", "no answer was given", "回答がありません" },
	{ "reason.not-met", "answered as not met", "未実施と回答されています" },
	{ "reason.partial", "only partly met", "一部のみ実施されています" },
	{ "reason.na-rejected", "not applicable, without an accepted justification",
	  "該当なしの根拠が認められていません" },
	{ "reason.method", "assessed by a method the level does not accept",
	  "このレベルで認められない評価方法です" },
	{ "reason.not-yet-valid", "the answer is not valid yet on that date",
	  "評価日がまだ到来していません" },
	{ "reason.expired", "the answer has expired", "有効期限が切れています" },
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
