"""`appraisal assist DRAFT --section ID --task polish|expand|condense|from-notes [--apply]`: drafting help from the
model the user configured. Shows what will be sent and asks first; streams the answer; shows it as a proposal
against the current text with its unverified facts and the checker's findings; writes it only with `--apply`."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from appraisal.service import AssistProposal

NAME = "assist"
HELP = "请自行配置的模型帮助改写一个栏目（默认不启用）"

TASK_HELP = "polish 润色，expand 扩写，condense 压缩，from-notes 据素材起草"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("draft", metavar="草稿", help="草稿路径、名称或编号")
    parser.add_argument(
        "--section", required=True, metavar="栏目", help="要处理的栏目：编号或名称（见 appraisal templates 模板编号）"
    )
    parser.add_argument(
        "--task", required=True, choices=["polish", "expand", "condense", "from-notes"], metavar="任务", help=TASK_HELP
    )
    parser.add_argument("--apply", action="store_true", help="把模型的建议写入草稿（保存为新版本）")
    parser.add_argument("--yes", action="store_true", help="不再询问，直接发送（发送内容仍会显示）")


def _confirm(yes: bool) -> bool:
    if yes:
        return True
    if not sys.stdin.isatty():
        print("未发送：非交互方式运行时，请加 --yes 确认发送上面的内容。", file=sys.stderr)
        return False
    try:
        answer = input("确认发送以上内容？[y/N] ")
    except EOFError:
        answer = ""
    return answer.strip().lower() in ("y", "yes", "是")


def _report(proposal: AssistProposal) -> None:
    from appraisal.checks.positions import finding_place, place

    print("\n—— 与现文比较（- 现文，+ 建议）——")
    for line in proposal.diff() or ["（与现文相同）"]:
        print(line)
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
    from appraisal.service import Service, Settings

    service = Service(Settings.load())
    path, draft, template = service.open_draft(args.draft)
    request = service.assist_request(draft, template, args.section, args.task)
    config = service.settings.assist
    assert config is not None  # assist_request refuses without it
    print(f"将发送给 {config.base_url}（模型 {config.model}）的内容如下，草稿的其他部分不会发送：\n")
    print(request.shown())
    print()
    if not _confirm(args.yes):
        print("已取消，未发送任何内容。")
        return 1
    print("\n—— 模型答复 ——", flush=True)

    def show(piece: str) -> None:
        sys.stdout.write(piece)
        sys.stdout.flush()

    proposal = service.assist(draft, template, request, show)
    print()
    _report(proposal)
    if not args.apply:
        print("\n以上只是建议，草稿未作改动。确认采用请加 --apply 重新运行，或在编辑界面中手工修改。")
        return 0
    revision = service.apply_assist(path, proposal)
    print(
        f"\n已把建议写入“{request.section_title}”，保存为第 {revision} 版：{path}（可用 appraisal history 找回原文）。"
    )
    return 0
