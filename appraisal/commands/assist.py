"""`appraisal assist DRAFT --section ID --task polish|expand|condense|from-notes`: drafting help from the model the
user configured. Shows what will be sent and asks first; streams the answer; shows it as a proposal against the
current text with its unverified facts, the facts of the original it drops and the checker's findings, and keeps it
beside the draft. `--apply` then writes that proposal (never a new answer) while the section is unchanged;
`--confirm` vouches for the adopted facts the checker flags as `unverified-fact`."""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from appraisal.assist.proposal import AssistProposal
    from appraisal.templates import Template

NAME = "assist"
HELP = "请自行配置的模型帮助改写一个栏目（默认不启用）"

TASK_HELP = "polish 润色，expand 扩写，condense 压缩，from-notes 据素材起草"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("draft", metavar="草稿", help="草稿路径、名称或编号")
    parser.add_argument(
        "--section", required=True, metavar="栏目", help="要处理的栏目：编号或名称（见 appraisal templates 模板编号）"
    )
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument(
        "--task", choices=["polish", "expand", "condense", "from-notes"], metavar="任务", help=TASK_HELP
    )
    action.add_argument(
        "--apply", action="store_true", help="采用上次显示的建议（不再发送请求），保存为新版本；本栏改动过则不采用"
    )
    action.add_argument(
        "--confirm",
        nargs="*",
        metavar="内容",
        help="确认写作助手加入的未经核实内容无误，不再提示（不写内容则确认本栏全部）",
    )
    parser.add_argument("--yes", action="store_true", help="不再询问：直接发送，或采用删去了原文事实的建议")
    # --task, --apply and --confirm are three separate runs, one at a time (SPEC §8 still reads `--task … [--apply]`).
    parser.epilog = (
        "分三步，每次运行只做一步：先用 --task 请模型提出建议并显示（保存在草稿旁）；"
        "看过后另行运行 --apply 采用这份建议；采用后检查中标为“未经核实”的内容，核对无误后用 --confirm 确认。"
    )


def _confirm(yes: bool, question: str, refusal: str) -> bool:
    if yes:
        return True
    if not sys.stdin.isatty():
        print(refusal, file=sys.stderr)
        return False
    try:
        answer = input(question)
    except EOFError:
        answer = ""
    return answer.strip().lower() in ("y", "yes", "是")


def _facts(pairs: Sequence[tuple[str, str]]) -> str:
    from appraisal.draft import fact_label

    return "、".join(fact_label(kind, text) for kind, text in pairs)


def _shell_word(text: str) -> str:
    """`text` as typed in a shell: as it is when nothing in it needs quoting (a Chinese name does not)."""
    return text if re.fullmatch(r"[\w\-./:@+]+", text) else shlex.quote(text)


def _report(proposal: AssistProposal) -> None:
    from appraisal.checks.positions import finding_place, place

    print("\n—— 与现文比较（- 现文，+ 建议）——")
    for line in proposal.diff() or ["（与现文相同）"]:
        print(line)
    if proposal.dropped:
        print(f"\n注意：建议删去了原文中的 {len(proposal.dropped)} 处事实：")
        print("  " + _facts([(u.kind, u.text) for u in proposal.dropped]) + "。")
    if proposal.unverified:
        print(f"\n—— 未经核实：以下 {len(proposal.unverified)} 处在原文和素材中都没有，请逐一核对或删去 ——")
        for fact in proposal.unverified:
            print(f"  {place(fact.line, fact.column)} {fact.kind}：{fact.text}")
    else:
        print("\n建议中的数字、日期、单位、人名和提法都能在原文或素材中找到。")
    if proposal.findings:
        print(f"\n—— 检查结果：{len(proposal.findings)} 处 ——")
        for finding in proposal.findings:
            where = finding_place(finding)
            print(f"  {finding.severity.label} {where + '：' if where else ''}{finding.message}")


def run(args: argparse.Namespace) -> int:
    from appraisal.commands import user_service

    service = user_service()
    path, draft, template = service.open_draft(args.draft)
    if args.apply:
        return _apply(path, template, args)
    if args.confirm is not None:
        return _confirm_facts(path, template, args)
    request = service.assist_request(draft, template, args.section, args.task)
    from appraisal.app import assisting

    print(f"将发送给 {service.assist_destination()}的内容如下，草稿的其他部分不会发送：\n")
    print(request.shown())
    print()
    if not _confirm(args.yes, "确认发送以上内容？[y/N] ", "未发送：非交互方式运行时，请加 --yes 确认发送上面的内容。"):
        print("已取消，未发送任何内容。")
        return 1
    print("\n—— 模型答复 ——", flush=True)

    def show(piece: str) -> None:
        sys.stdout.write(piece)
        sys.stdout.flush()

    proposal = service.assist(draft, template, request, show)
    print()
    _report(proposal)
    assisting.keep(path, proposal)
    again = f"appraisal assist {_shell_word(args.draft)} --section {_shell_word(request.section_id)} --apply"
    print(f"\n以上只是建议，草稿未作改动。采用这份建议请运行：{again}（不会再次发送），或在编辑界面中手工修改。")
    return 0


def _apply(path: Path, template: Template, args: argparse.Namespace) -> int:
    from appraisal.app import assisting

    section = template.named_section(args.section)
    kept = assisting.kept(path, template, section.id)
    print(f"将写入“{section.title}”的建议（{kept.made[:16].replace('T', ' ')} 生成，即上次显示的那份）：\n")
    print(kept.text)
    if kept.dropped:
        print(f"\n注意：这份建议删去了原文中的 {len(kept.dropped)} 处事实：{_facts(kept.dropped)}。")
        question = "仍然采用？[y/N] "
        refusal = "未采用：建议删去了原文中的事实；确认仍要采用，请加 --yes。"
        if not _confirm(args.yes, question, refusal):
            print("已取消，草稿未作改动。")
            return 1
    revision = assisting.apply_kept(path, template, kept)
    print(f"\n已把建议写入“{section.title}”，保存为第 {revision} 版：{path}（可用 appraisal history 找回原文）。")
    if kept.unverified:
        print(
            f"其中 {len(kept.unverified)} 处未经核实（{_facts(kept.unverified)}），"
            "检查时会一直提示（unverified-fact），直到改正或确认无误："
            f"appraisal assist {_shell_word(args.draft)} --section {section.id} --confirm"
        )
    return 0


def _confirm_facts(path: Path, template: Template, args: argparse.Namespace) -> int:
    from appraisal.app import assisting

    section = template.named_section(args.section)
    confirmed = assisting.confirm_in_file(path, section.id, args.confirm or None)
    if not confirmed:
        print(f"“{section.title}”中没有{'这些' if args.confirm else ''}待确认的内容，草稿未作改动。")
        return 0
    pairs = [(f.kind, f.text) for f in confirmed]
    print(f"已确认“{section.title}”中的 {len(confirmed)} 处内容无误，不再提示：{_facts(pairs)}。")
    return 0
