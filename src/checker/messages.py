"""People's words, keyed by code: every word the command says that is not a rule message.

Rule messages live in the rule packs; the words around them (reasons, places,
headings of a report, notes of a run) live here, each in Chinese and English,
so that no module holds its own ``"…" if zh else "…"``.
"""

from __future__ import annotations

from checker.i18n import Text

READ_REASONS: dict[str, Text] = {
    "not-found": Text("文件不存在", "file not found"),
    "is-directory": Text("这是一个文件夹，不是文件", "this is a directory, not a file"),
    "permission-denied": Text("没有读取权限", "permission denied"),
    "broken-link": Text("链接指向的文件不存在", "broken symbolic link"),
    "empty": Text("文件是空的", "the file is empty"),
    "too-large": Text("文件超过大小上限", "the file is larger than the limit"),
    "unsupported-extension": Text(
        "不支持的文件类型（支持 .docx .doc .wps .pdf .ofd .html .htm .txt .md）",
        "unsupported file type (supported: .docx .doc .wps .pdf .ofd .html .htm .txt .md)",
    ),
    "unsupported-format": Text("暂不支持这种文件格式", "this file format is not supported yet"),
    "corrupt-docx": Text("Word 文件已损坏，无法打开", "the Word file is corrupt"),
    "not-a-word-document": Text(
        "压缩包中没有 Word 正文", "a zip file without a Word document body"
    ),
    "decompression-bomb": Text(
        "文件解压后过大，疑似压缩炸弹", "the file expands to an unsafe size"
    ),
    "forbidden-dtd": Text(
        "文件含有不允许的 DTD 声明", "the file carries a forbidden DTD declaration"
    ),
    "undecodable": Text("无法识别文本编码", "the text encoding cannot be recognised"),
    "table-too-large": Text("表格超过大小上限", "a table is larger than the limit"),
    "link-outside": Text("链接指向所检查的文件夹之外", "link leaves the checked folder"),
    "symlink-loop": Text("符号链接循环指向自身", "a loop of symbolic links"),
    "unreadable": Text("无法读取文件", "the file cannot be read"),
    "not-a-file": Text("不是普通文件（管道或设备）", "not a regular file (a pipe or a device)"),
    "encrypted": Text(
        "文件已加密，请先解除密码保护", "the file is encrypted; remove the password first"
    ),
    "too-complex": Text(
        "文档嵌套层级过深，无法安全读取", "the document is nested too deeply to read safely"
    ),
    "corrupt-pdf": Text("PDF 文件已损坏，无法打开", "the PDF file is corrupt"),
    "corrupt-ofd": Text("OFD 文件已损坏，无法打开", "the OFD file is corrupt"),
    "corrupt-doc": Text("Word 97–2003 文件已损坏，无法打开", "the Word 97–2003 file is corrupt"),
    "truncated": Text(
        "文件不完整（可能下载中断）", "the file is cut short (an incomplete download?)"
    ),
    "no-text-layer": Text(
        "PDF 没有文字层（扫描件），无法检查，请用原始文档检查",
        "the PDF has no text layer (a scan) and cannot be checked; check the source document",
    ),
    "unreadable-text": Text(
        "PDF 文字层无法解码（字体缺少 Unicode 映射），请用原始文档检查",
        "the PDF's text layer cannot be decoded (fonts without a Unicode map);"
        " check the source document",
    ),
    "conversion-failed": Text("用 LibreOffice 转换失败", "the conversion with LibreOffice failed"),
    "internal-error": Text("读取时发生内部错误", "an internal error occurred while reading"),
}


# Why an output file could not be written ({detail}: the node's kind, or the OS's words).
WRITE_REASONS: dict[str, Text] = {
    "no-space": Text("磁盘空间不足", "no space left on the device"),
    "read-only": Text("文件系统为只读", "the file system is read-only"),
    "permission-denied": Text("没有写入权限", "permission denied"),
    "no-folder": Text("文件夹不存在", "the folder does not exist"),
    "parent-not-folder": Text("路径的上级不是文件夹", "a parent of the path is not a folder"),
    "is-folder": Text("这是一个文件夹", "it is a folder"),
    "not-regular": Text(
        "不是普通文件（{detail}）：拒绝写入", "not a regular file ({detail}): refused"
    ),
    "unread-pipe": Text("没有程序读取的管道（FIFO）", "a pipe (FIFO) that nobody reads"),
    "changed": Text(
        "写入期间它变成了非普通文件", "it changed into something that is not a regular file"
    ),
    "os-error": Text("{detail}", "{detail}"),
}


# Words of the human formats: places in the draft, headings of the HTML report.
WORDS: dict[str, Text] = {
    "place.whole": Text("全文", "whole document"),
    "place.table": Text("表格", "table"),
    "place.nth-table": Text("本节第{n}个表格", "table {n} of this section"),
    "place.row": Text("第{n}行", "row {n}"),
    "place.column": Text("第{n}列", "column {n}"),
    "place.text": Text("正文", "text"),
    "place.page": Text("第{n}页", "page {n}"),
    "place.also": Text("另见", "see also"),
    "html.title": Text("政府信息公开工作年度报告检查结果", "Annual report check"),
    "html.summary": Text("检查汇总", "Summary"),
    "html.file": Text("文件", "File"),
    "html.body": Text("发布机关", "Issuing body"),
    "html.report-title": Text("报告标题", "Report title"),
    "html.year": Text("报告年度", "Report year"),
    "html.edition": Text("适用格式", "Format edition"),
    "html.counts": Text("问题数", "Findings"),
    "html.findings": Text("检查发现的问题", "Findings"),
    "html.none": Text("未发现问题", "No findings"),
    "html.location": Text("位置", "Location"),
    "html.quote": Text("原文", "Text"),
    "html.rule": Text("规则", "Rule"),
    "html.severity": Text("级别", "Severity"),
    "html.contributors": Text("参与计算的数字", "Figures in the computation"),
    "html.label": Text("项目", "Item"),
    "html.cell": Text("位置", "Where"),
    "html.value": Text("数值", "Value"),
    "html.actual": Text("实际", "Found"),
    "html.expected": Text("应为", "Expected"),
    "html.difference": Text("差额", "Difference"),
    "html.not-evaluated": Text("未能评估的规则", "Rules not evaluated"),
    "html.reason": Text("原因", "Reason"),
    "html.unreadable": Text("无法读取", "unreadable"),
    "html.general": Text("全文", "Whole document"),
    "html.preamble": Text("正文开头（第一个标题之前）", "Before the first heading"),
    "html.cell-text": Text("单元格内容", "The cell reads"),
    "html.generated": Text("由 checker {version} 生成", "Made by checker {version}"),
    "html.back": Text("返回汇总", "Back to the summary"),
    # severities, lists, cell values
    "severity.error": Text("错误", "error"),
    "severity.warning": Text("警告", "warning"),
    "severity.info": Text("提示", "info"),
    "list.separator": Text("、", ", "),
    "value.blank": Text("空白", "blank"),
    "place.table-title": Text("《{title}》", "“{title}”"),
    "place.document-table": Text("第{n}个表格", "document table {n}"),
    # the findings table at the terminal
    "table.format": Text("格式", "format"),
    "table.none": Text("未发现问题", "no findings"),
    "table.not-evaluated": Text("未能评估的规则：", "rules not evaluated: "),
    "table.not-evaluated-group": Text("{ids}（{reason}）", "{ids} ({reason})"),
    "table.group-separator": Text("；", "; "),
    "place.rebuilt": Text("表格由文本重建", "table rebuilt from text"),
    "column.location": Text("位置", "Location"),
    "column.severity": Text("级别", "Severity"),
    "column.rule": Text("规则", "Rule"),
    "column.message": Text("说明", "Message"),
    # summary lines
    "summary.line": Text(
        "共检查 {files} 个文件：错误 {error}，警告 {warning}，提示 {info}",
        "{files} file(s) checked: {error} error(s), {warning} warning(s), {info} info",
    ),
    "summary.unreadable": Text("，无法读取 {n}", ", {n} unreadable"),
    "baseline.line": Text(
        "基线：已知问题 {suppressed} 条未显示；基线中已不存在的条目 {stale} 条",
        "baseline: {suppressed} known finding(s) hidden; {stale} stale entries",
    ),
    "baseline.line-one": Text(
        "基线：已知问题 {suppressed} 条未显示；基线中已不存在的条目 {stale} 条",
        "baseline: {suppressed} known finding(s) hidden; {stale} stale entry",
    ),
    # the Markdown summary
    "markdown.title": Text(
        "## 政府信息公开年报检查：{verdict}", "## Annual report check: {verdict}"
    ),
    "markdown.failed": Text("未通过", "failed"),
    "markdown.passed": Text("通过", "passed"),
    "markdown.file": Text("文件", "File"),
    "markdown.format": Text("格式", "Format"),
    "markdown.errors": Text("错误", "Errors"),
    "markdown.warnings": Text("警告", "Warnings"),
    "markdown.infos": Text("提示", "Info"),
    "markdown.cut": Text(
        "另有 {cut} 条未列出（最多列出 {limit} 条）；完整结果见其他输出格式。",
        "{cut} more finding(s) not listed (at most {limit}); see another format.",
    ),
    # `checker rule ID`
    "rule.editions": Text("适用格式: ", "editions: "),
    "rule.checks": Text("说明: ", "checks: "),
    "rule.basis": Text("依据: ", "basis: "),
    "rule.message": Text("消息: ", "message: "),
    "rule.pass": Text("正确示例: ", "passes: "),
    "rule.fail": Text("错误示例: ", "fails: "),
    "rule.sources": Text("依据说明: ", "sources: "),
    # notes and errors of the command line
    "cli.level": Text(
        "--level 只能是 government 或 department，而不是 {value}",
        "--level must be government or department, not {value}",
    ),
    "cli.update-baseline": Text(
        "--update-baseline 需要同时给出 --baseline 文件", "--update-baseline needs --baseline FILE"
    ),
    "cli.unknown-edition": Text("未知的格式版本 {value}", "unknown edition {value}"),
    "cli.unknown-rule": Text("未知的规则 {value}", "unknown rule {value}"),
    "cli.error": Text("{label}错误：{detail}", "{label} error: {detail}"),
    "cache.cleaned": Text(
        "已从 {path} 删除 {n} 个缓存文件", "removed {n} cached file(s) from {path}"
    ),
    "cli.label.rule-pack": Text("规则包", "rule pack"),
    "cli.label.configuration": Text("配置", "configuration"),
    "cli.label.baseline": Text("基线", "baseline"),
    "cli.interrupted": Text(
        "已中断：共 {planned} 个文件，已检查 {done} 个；未写出报告",
        "interrupted: {done} of {planned} file(s) checked; no report written",
    ),
    "cli.terminated": Text(
        "已终止：共 {planned} 个文件，已检查 {done} 个；未写出报告",
        "terminated: {done} of {planned} file(s) checked; no report written",
    ),
    "cli.terminated-early": Text(
        "在检查任何文件之前已终止；未写出报告",
        "terminated before any file was checked; no report written",
    ),
    "cli.interrupted-early": Text(
        "在检查任何文件之前已中断；未写出报告",
        "interrupted before any file was checked; no report written",
    ),
    "annotate.should-be": Text("应为：{value}", "should be: {value}"),
    "annotate.basis": Text("依据：{basis}", "basis: {basis}"),
    "annotate.general": Text(
        "checker：以下问题在文档中没有具体位置", "checker: findings without a place in the text"
    ),
    "annotate.written": Text(
        "已写入 {path}：{placed} 条批注在原处，{general} 条问题汇总在标题处",
        "written {path}: {placed} comment(s) in place, {general} finding(s) gathered at the title",
    ),
    "annotate.needs-docx": Text(
        "annotate 只能处理 Word .docx 文件：{path}",
        "annotate works on Word .docx files only: {path}",
    ),
    "annotate.same-file": Text(
        "输出文件不能是原文件：{path}", "the output must not be the draft itself: {path}"
    ),
    "annotate.unreadable": Text("无法读取 {path}：{reason}", "cannot read {path}: {reason}"),
    "cli.open-needs-html": Text(
        "--open 需要与 --format html 一起使用", "--open needs --format html"
    ),
    "cli.convert-with": Text(
        "--convert-with 只能是 soffice，而不是 {value}",
        "--convert-with takes soffice, not {value}",
    ),
    "usage.bad-selector": Text(
        "{option}：{value} 不是规则编号或前缀", "{option}: {value} is not a rule ID or prefix"
    ),
    "usage.no-rule": Text(
        "{option}：没有规则 {value}（见 `checker rules`）",
        "{option}: no rule {value} (see `checker rules`)",
    ),
    "usage.no-such-path": Text("文件或文件夹不存在：{paths}", "no such file or folder: {paths}"),
    "usage.no-reports": Text(
        "在给出的路径下没有找到报告文件（加 --allow-empty 可接受这种情况）",
        "no report files found under the given paths (--allow-empty to accept that)",
    ),
    "usage.output-is-input": Text(
        "{path} 是要检查的文件之一：不会写入被检查的文件",
        "{path} is one of the files to check: inputs are never written",
    ),
    "note.no-reports": Text(
        "在给出的路径下没有找到报告文件", "no report files found under the given paths"
    ),
    "note.no-match": Text("没有与 {glob} 匹配的文件", "no file matches {glob}"),
    "note.baseline-wrote": Text(
        "基线：已把 {n} 条记录写入 {path}", "baseline: wrote {n} entries to {path}"
    ),
    "note.baseline-stale": Text(
        "基线：{n} 条记录已不再对应任何问题（已改正？）；用 --update-baseline 运行可删除它们：",
        "baseline: {n} entries no longer match a finding (fixed?);"
        " run with --update-baseline to drop them:",
    ),
    "note.baseline-stale-one": Text(
        "基线：{n} 条记录已不再对应任何问题（已改正？）；用 --update-baseline 运行可删除它们：",
        "baseline: {n} entry no longer matches a finding (fixed?);"
        " run with --update-baseline to drop it:",
    ),
    # --previous and the reports compared with each other
    "across.previous-unreadable": Text(
        "--previous {path}：无法读取（{reason}）；各报告单独检查",
        "--previous {path}: cannot be read ({reason}); each report is checked alone",
    ),
    "across.previous-no-rule": Text(
        "--previous {path}：没有适用的跨报告规则；各报告单独检查",
        "--previous {path}: no cross-report rule applies; each report is checked alone",
    ),
    "across.editions-differ": Text(
        "--previous {path}：适用 {edition} 格式，{other} 适用 {other_edition} 格式；"
        "只比较两者共有的内容",
        "--previous {path}: the {edition} edition, {other} the {other_edition} edition;"
        " only what both define is compared",
    ),
    "across.not-previous": Text(
        "--previous {path}：{problem}；{other} 单独检查",
        "--previous {path}: {problem}; {other} is checked alone",
    ),
    "across.no-year": Text("未能识别 {path} 的报告年度", "no report year found in {path}"),
    "across.wrong-year": Text(
        "它是 {year} 年度的报告，而不是 {want} 年度（{later} 年的上一年）",
        "it reports on {year}, not on {want} (the year before {later})",
    ),
    "across.no-body": Text(
        "未能识别 {path} 的发布机关", "the issuing body could not be read from {path}"
    ),
    "across.other-body": Text(
        "它由{body}发布，而不是{other}", "it is issued by {body}, not by {other}"
    ),
    "write.error": Text("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "cli.internal-error": Text(
        "checker：检查 {path} 时发生内部错误：{error}",
        "checker: internal error in {path}: {error}",
    ),
    "cli.internal-error-rule": Text(
        "checker：检查 {path} 时发生内部错误（规则 {rule}）：{error}",
        "checker: internal error in {path} (rule {rule}): {error}",
    ),
    "cli.internal-error-bare": Text(
        "checker：发生内部错误：{error}", "checker: internal error: {error}"
    ),
    "cli.no-browser": Text(
        "无法启动浏览器；请手动打开上面的文件", "no browser could be started; open the file above"
    ),
}


# The command's help, chosen when the command is built (see cli.py).
HELP: dict[str, Text] = {
    "help.app": Text(
        "检查政府信息公开工作年度报告是否符合规定格式。",
        "Check government information-disclosure annual reports against the official formats.",
    ),
    "help.root": Text(
        "检查政府信息公开工作年度报告。",
        "Check annual reports on government information disclosure.",
    ),
    "help.version": Text("显示版本号并退出。", "Print the version and exit."),
    "help.lang": Text(
        "语言：zh 或 en（默认取 CHECKER_LANG，其次取系统语言环境，否则为 zh）。",
        "Language: zh or en (default: CHECKER_LANG, else the locale, else zh).",
    ),
    "help.rules-app": Text("列出规则。", "List the rules."),
    "help.config-app": Text("查看配置。", "Inspect the configuration."),
    "help.cache-app": Text(
        "查看或清除检查器的缓存（规则包、检查结果）。",
        "Show or clear the checker's cache (rule packs, kept results).",
    ),
    "help.cache-dir": Text("显示缓存文件夹的位置。", "Print where the cache folder is."),
    "help.cache-clean": Text(
        "删除检查器缓存的全部内容（需要时会重新生成）。",
        "Delete everything the checker has cached (it is made again when needed).",
    ),
    "help.check": Text(
        "检查报告文件并列出发现的问题。有问题达到 --fail-on 级别时退出码为 1。",
        "Check report files and print the findings. Exit 1 when a finding reaches --fail-on.",
    ),
    "help.check.paths": Text(
        "文件、文件夹（查找其中的 .docx .doc .wps .pdf .ofd .html .htm .txt .md）"
        "或通配符；'-' 表示读取标准输入。",
        "Files, folders (walked for .docx .doc .wps .pdf .ofd .html .htm .txt .md) "
        "or globs; '-' reads standard input.",
    ),
    "help.check.format": Text(
        "输出格式：table（默认）、concise、json、jsonl、sarif、junit、github、gitlab、"
        "markdown 或 html。",
        "table (default), concise, json, jsonl, sarif, junit, github, gitlab, markdown or html.",
    ),
    "help.check.output-file": Text(
        "把报告写入此文件（完整写入，或完全不写）。",
        "Write the report here (whole, or not at all).",
    ),
    "help.check.edition": Text(
        "指定格式版本（legacy、2019、2021），不按报告年度自动判断。",
        "Force the format edition (legacy, 2019, 2021) instead of detecting it "
        "from the report year.",
    ),
    "help.check.rules": Text(
        "在所用格式版本的规则之外再加一个规则包（YAML）；可重复。",
        "An extra rule pack (YAML) on top of the edition's; repeatable.",
    ),
    "help.check.level": Text(
        "发布机关的层级：government（政府）或 department（部门），不按标题自动判断。",
        "The issuing body's level, government or department, instead of detecting "
        "it from the title.",
    ),
    "help.check.fail-on": Text(
        "使退出码为 1 的最低级别（默认 error）；never 表示总是退出码 0。",
        "Lowest severity that makes the exit code 1 (default: error); 'never' always exits 0.",
    ),
    "help.check.exit-zero": Text(
        "即使有问题达到 --fail-on 级别，退出码也为 0。",
        "Exit 0 even when findings reach --fail-on.",
    ),
    "help.check.select": Text(
        "只检查这些规则（规则编号或前缀，用逗号分隔）。",
        "Only these rules (IDs or prefixes, comma-separated).",
    ),
    "help.check.extend-select": Text("在所选规则之外再加的规则。", "Rules added to the selection."),
    "help.check.ignore": Text(
        "从不报告的规则（规则编号或前缀）。", "Rules never reported (IDs or prefixes)."
    ),
    "help.check.exclude": Text(
        "遍历文件夹时跳过与此通配符匹配的文件。",
        "Skip files matching this glob when walking folders.",
    ),
    "help.check.baseline": Text(
        "不显示此基线文件中记录的已知问题。", "Hide the findings recorded in this baseline file."
    ),
    "help.check.update-baseline": Text(
        "把本次发现的问题记入 --baseline 文件。",
        "Record this run's findings in the --baseline file.",
    ),
    "help.check.jobs": Text(
        "并行检查的文件数（默认为 CPU 数）。", "Files checked in parallel (default: CPU count)."
    ),
    "help.check.cache": Text(
        "保留每个文件的检查结果；文件、检查器和规则都未改变时直接沿用（配置项 cache）。",
        "Keep each file's result and take it again while the file, the checker and its"
        " rules are unchanged (configuration key: cache).",
    ),
    "help.check.stdin-filename": Text(
        "从 '-' 读入的文件的名称（按其扩展名识别格式）。",
        "The name of the file read from '-' (its extension counts).",
    ),
    "help.check.config": Text(
        "所有被检查的文件都使用此配置文件。", "Use this configuration file for every checked file."
    ),
    "help.isolated": Text("忽略所有配置文件。", "Ignore every configuration file."),
    "help.check.allow-empty": Text(
        "找不到报告文件时退出码为 0（默认为 2）。",
        "Exit 0 when no report is found (by default that is exit 2).",
    ),
    "help.check.statistics": Text(
        "按规则统计问题数并给出第一条说明，不逐条列出。",
        "Count the findings per rule, with the first message, instead of listing them.",
    ),
    "help.check.quiet": Text(
        "未通过时只显示汇总行，通过时不显示任何内容（--output-file 的报告照常写出）。",
        "Print only the summary when the run fails, nothing when it passes "
        "(a report for --output-file is still written).",
    ),
    "help.check.open": Text(
        "用默认浏览器打开报告（需与 --format html 一起使用）。",
        "Open the report in the default browser (with --format html).",
    ),
    "help.check.convert-with": Text(
        "用此转换程序读取 .doc 和 .wps 文件：soffice（LibreOffice）。",
        "Read .doc and .wps files through this converter: soffice (LibreOffice).",
    ),
    "help.check.previous": Text(
        "同一机关上一年度的报告：核对结转数、现行有效件数和照搬的文字。",
        "Last year's report of the same body: carry-over, in-force counts, copied text.",
    ),
    "help.annotate": Text(
        "生成 .docx 草稿的副本，在每个问题处加上 Word 批注。",
        "Write a copy of a .docx draft with a Word comment on each finding.",
    ),
    "help.annotate.draft": Text(
        "要加批注的 Word 草稿（.docx）。", "The Word draft (.docx) to annotate."
    ),
    "help.annotate.output-file": Text(
        "副本的保存位置（默认为 草稿名.checked.docx）。",
        "Where the copy goes (default: DRAFT.checked.docx).",
    ),
    "help.annotate.edition": Text("指定格式版本。", "Force the format edition."),
    "help.annotate.rules": Text("再加一个规则包；可重复。", "An extra rule pack; repeatable."),
    "help.annotate.fail-on": Text(
        "使退出码为 1 的最低级别。", "Lowest severity that makes the exit code 1."
    ),
    "help.rule": Text(
        "说明一条规则：检查什么、依据、正确示例和错误示例。",
        "Explain one rule: what it checks, its basis, a passing and a failing example.",
    ),
    "help.rule.id": Text("规则编号，例如 A101。", "A rule ID such as A101."),
    "help.rule.format": Text(
        "text（默认）或 markdown（中英文两种语言的页面）。",
        "text (default) or markdown (a page for both languages).",
    ),
    "help.rules": Text(
        "列出所有内置规则及其级别、类别和适用格式版本。",
        "List every shipped rule with its severity, category and editions.",
    ),
    "help.rules.format": Text("table 或 json。", "table or json."),
    "help.config-show": Text(
        "显示适用于 PATH 的有效配置（含默认值）。",
        "Print the effective configuration for PATH, defaults included.",
    ),
    "help.config-show.path": Text(
        "报告或文件夹：显示适用于它的配置。",
        "A report or folder: show the configuration that applies to it.",
    ),
    "help.config-show.format": Text("toml（默认）或 json。", "toml (default) or json."),
    "help.config-show.config": Text("使用此配置文件。", "Use this configuration file."),
}
WORDS.update(HELP)


def word(code: str, lang: str, **args: object) -> str:
    """The catalogue's words for ``code`` in ``lang``, placeholders filled."""
    text = WORDS[code].get(lang)
    return text.format(**args) if args else text


def read_reason(code: str) -> Text:
    return READ_REASONS.get(code, Text("无法读取文件", "the file cannot be read"))


# Why a rule could not be evaluated, by reason code, in people's words. The
# checks record a short English reason (kept as it is in JSON); its leading
# words give the code.
NOT_EVALUATED: dict[str, Text] = {
    "facts-not-found": Text("未找到所需数据", "the figures it needs were not found"),
    "table-not-found": Text("未找到所需表格", "its table was not found"),
    "rows-not-found": Text(
        "表格中未找到所需的行或列", "the rows or columns it needs were not found"
    ),
    "no-period": Text("未找到统计期限", "no statistical period was found"),
    "no-year": Text("未能识别报告年度", "the report year was not found"),
    "few-years": Text("标明报告年度之处少于两处", "fewer than two places state the year"),
    "no-dates": Text(
        "未找到发布或落款日期，或未能识别报告年度",
        "no publication or signature date, or no report year",
    ),
    "section-not-found": Text("未找到相应部分", "the section was not found"),
    "pattern-timeout": Text("文字匹配超时", "a pattern timed out"),
    "internal-error": Text("检查时发生内部错误", "an internal error occurred"),
    "other": Text("无法评估", "could not be evaluated"),
}

_REASON_CODES: tuple[tuple[str, str], ...] = (
    ("facts not found", "facts-not-found"),
    ("no instance of the identity", "rows-not-found"),
    ("table ", "table-not-found"),
    ("no statistical period", "no-period"),
    ("no publication or signature date", "no-dates"),
    ("no report year", "no-year"),
    ("fewer than two places", "few-years"),
    ("section not found", "section-not-found"),
    ("pattern timed out", "pattern-timeout"),
    ("internal error", "internal-error"),
)


def not_evaluated_code(reason: str) -> str:
    return next((code for start, code in _REASON_CODES if reason.startswith(start)), "other")


def not_evaluated_reason(reason: str) -> Text:
    return NOT_EVALUATED[not_evaluated_code(reason)]
