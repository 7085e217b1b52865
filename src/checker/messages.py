"""People's words for the stable reason codes of unreadable input."""

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


def read_reason(code: str) -> Text:
    return READ_REASONS.get(code, Text("无法读取文件", "the file cannot be read"))
