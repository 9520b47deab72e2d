#!/usr/bin/env bash
# Drive the real program in tmux, as a user would, and check that no text is lost.
#
#   bash tests/tui/tmux_drive.sh            (needs tmux; uses .venv/bin/appraisal from `uv sync`)
#
# 1. creates a draft in a scratch APPRAISAL_HOME, opens it in tmux, types Chinese into three sections, quits;
# 2. starts again: the last section's text must be on screen (resumed there) and all three on disk;
# 3. types again and kills the process with SIGKILL 3 s after the last key: nothing may be missing
#    (at most the last 2 s of typing may be), and the draft must load and reopen;
# 4. types continuously for about 5 s and kills it right after the last key: what is on disk must be a prefix
#    of what was typed, missing at most about the last 2 s of keys.
# 5. types, and once the words are on the screen closes the terminal at once (SIGHUP): they must be saved.
# 6. F8 with an editor that is not installed: one sentence, then the editor is back and typing is saved.
# 7. at 80x24, pastes eight paragraphs (about 1,200 字, bracketed paste) and presses Ctrl+Z: the app must stay,
#    with the text as before the paste, on screen and on disk; Ctrl+Y puts the paste back.
# 8. resizes the terminal 100x30 → 140x40 → 80x24: after each, every character of the section is on screen.
# 9. at 140x40, six Ctrl+S stack six toasts over the 述职述廉报告's 结束语 guidance, whose lines reach under the
#    toasts' right edge: once they have gone, every 字 beneath them is back (the screen is as before them);
#    again with the terminal resized while the toasts show; and at 100x30, Chinese typed under toasts leaves the
#    screen as a full repaint draws it.
# 10. keys alone, at 80x24: Ctrl+N, the note typed, Enter: the note is kept; F4 (the findings list takes the
#    focus), then typing: the words go into the text; F6, Tab to the folder, a folder typed, Enter: exported there.
# Runs its own tmux server (-L), so other tmux sessions on the machine neither see nor slow it. Prints what it
# saw; exits non-zero on the first failed check.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
APP="$ROOT/.venv/bin/appraisal"
PY="$ROOT/.venv/bin/python"
SIZE_X="${SIZE_X:-100}"
SIZE_Y="${SIZE_Y:-30}"
HOME_DIR="$(mktemp -d "${TMPDIR:-/tmp}/appraisal-tmux.XXXXXX")"
SESSION="appraisal-drive-$$"
SOCKET="appraisal-drive-$$"  # a tmux server of our own: not shared with (or slowed by) anyone else's sessions
export APPRAISAL_HOME="$HOME_DIR"
export LANG=C.UTF-8 LC_ALL=C.UTF-8

tm() { tmux -L "$SOCKET" "$@"; }

cleanup() {
    tm kill-server 2>/dev/null || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCKET"
    rm -rf "$HOME_DIR"
}
trap cleanup EXIT

say() { printf '%s\n' "$*"; }
fail() { say "FAIL: $*"; say "---- screen ----"; tm capture-pane -p -t "$SESSION" 2>/dev/null || true; exit 1; }

screen() { tm capture-pane -p -t "$SESSION"; }

wait_for() {  # wait_for TEXT [SECONDS]: until TEXT is on screen
    local text="$1" limit="${2:-15}" waited=0
    until screen | grep -qF -- "$text"; do
        sleep 0.2
        waited=$((waited + 1))
        [ "$waited" -le $((limit * 5)) ] || fail "\"$text\" not on screen after ${limit}s"
    done
}

wait_gone() {  # wait_gone TEXT [SECONDS]: until TEXT is no longer on screen (a toast that has timed out)
    local text="$1" limit="${2:-15}" waited=0
    while screen | grep -qF -- "$text"; do
        sleep 0.2
        waited=$((waited + 1))
        [ "$waited" -le $((limit * 5)) ] || fail "\"$text\" still on screen after ${limit}s"
    done
}

wait_reaped() {  # wait_reaped PID: until the process is gone from the process table (a zombie still counts as
    # a live process to the next start's check for a stale lock; tmux reaps it once its session is killed)
    local waited=0
    while kill -0 "$1" 2>/dev/null; do
        sleep 0.1
        waited=$((waited + 1))
        [ "$waited" -le 300 ] || fail "process $1 was never reaped"
    done
}

start_app() {  # start_app: open the draft in a fresh tmux session; the pane's process is the app itself
    [ -z "${APP_PID:-}" ] || { tm kill-session -t "$SESSION" 2>/dev/null || true; wait_reaped "$APP_PID"; }
    tm -u new-session -d -s "$SESSION" -x "$SIZE_X" -y "$SIZE_Y" \
        "cd '$HOME_DIR' && exec env APPRAISAL_HOME='$HOME_DIR' ${APP_ENV:-} '$APP' edit '$DRAFT'"
    APP_PID="$(tm display-message -p -t "$SESSION" '#{pane_pid}')"
    wait_for "${READY_TEXT:-品行修养}" 20
}

alive() {  # alive PID: running (a zombie, killed but not yet reaped by tmux, counts as gone)
    local state
    state="$(ps -o stat= -p "$1" 2>/dev/null)" || return 1
    [ -n "$state" ] && [ "${state#Z}" = "$state" ]
}

wait_exit() {  # wait_exit PID: until the process is gone
    local waited=0
    while alive "$1"; do
        sleep 0.2
        waited=$((waited + 1))
        [ "$waited" -le 50 ] || fail "the app did not exit"
    done
}

section_text() {  # section_text ID: the section's text in the draft on disk
    "$PY" - "$DRAFT" "$1" <<'EOF'
import sys
from pathlib import Path
from appraisal.store import load_draft
print(load_draft(Path(sys.argv[1])).sections[sys.argv[2]])
EOF
}

type_text() {  # type_text TEXT: send literal keys, a few characters at a time, like a (fast) typist
    local text="$1" i
    for ((i = 0; i < ${#text}; i += 4)); do
        tm send-keys -t "$SESSION" -l -- "${text:i:4}"  # --: a chunk may start with "-" (a path)
        sleep 0.05
    done
}

CONDUCT="坚持以习近平新时代中国特色社会主义思想为指导，对党忠诚，作风扎实。"
STUDY="全年参加中心组学习十二次，撰写心得体会三篇。"
SERVICE="牵头完成全市经济普查数据审核，按期上报率百分之百。"

say "APPRAISAL_HOME=$HOME_DIR"
DRAFT="$("$APP" new --name 张三 --unit 某市统计局 --position 科长 --year 2025 --no-edit)"
say "draft: $DRAFT"

# ---------------------------------------------------------------- 1. type into three sections, quit
start_app
# After each Alt+↓ wait for the section's heading, as a person looks before typing: a key typed while the app is
# still busy with its first frame's work can reach the text area before the screen has acted on the Alt+↓.
tm send-keys -t "$SESSION" M-Down                      # 开头语 → 品行修养
wait_for "品行修养  必填" 5
type_text "$CONDUCT"
tm send-keys -t "$SESSION" M-Down                      # → 理论学习
wait_for "理论学习  必填" 5
type_text "$STUDY"
tm send-keys -t "$SESSION" M-Down                      # → 服务中心实绩
wait_for "服务中心实绩  必填" 5
type_text "$SERVICE"
sleep 0.5
say "---- screen while typing (${SIZE_X}x${SIZE_Y}) ----"
screen
tm send-keys -t "$SESSION" C-q
wait_exit "$APP_PID"
say "quit: the app exited"

[ "$(section_text conduct)" = "$CONDUCT" ] || fail "conduct on disk: $(section_text conduct)"
[ "$(section_text study)" = "$STUDY" ] || fail "study on disk: $(section_text study)"
[ "$(section_text results.service)" = "$SERVICE" ] || fail "results.service on disk: $(section_text results.service)"
say "ok: all three sections on disk after quit"

# ---------------------------------------------------------------- 2. restart: resumed where we left off
tm kill-session -t "$SESSION" 2>/dev/null || true
start_app
wait_for "按期上报率" 10
say "ok: restarted on 服务中心实绩 with its text on screen"
tm send-keys -t "$SESSION" M-Up M-Up                   # back to 品行修养
wait_for "对党忠诚" 5
say "ok: 品行修养 text on screen after moving back"

# ---------------------------------------------------------------- 3. SIGKILL 3 s after the last key
MORE="深入基层调研二十次，形成调研报告两篇。"
tm send-keys -t "$SESSION" Down Down Down End
sleep 0.5                                                # a person does not type within a millisecond of End
type_text "$MORE"
sleep 3
kill -9 "$APP_PID"
wait_exit "$APP_PID"
say "killed with SIGKILL 3 s after the last key"
[ "$(section_text conduct)" = "$CONDUCT$MORE" ] || fail "after SIGKILL, conduct on disk: $(section_text conduct)"
say "ok: nothing lost (conduct on disk = everything typed)"

tm kill-session -t "$SESSION" 2>/dev/null || true
start_app                                                # the stale lock of the killed process is taken over
wait_for "调研报告两篇" 10
say "ok: the draft loads and reopens after SIGKILL (stale lock taken over)"

# ---------------------------------------------------------------- 4. SIGKILL right after continuous typing
tm send-keys -t "$SESSION" M-Down M-Down M-Down M-Down M-Down M-Down M-Down   # → 依法行政
wait_for "依法行政  必填" 5                               # the editor's heading, not just the list entry
sleep 0.5
TYPED=""
START=$(date +%s.%N)
STAMPS="$HOME_DIR/stamps.txt"
: > "$STAMPS"
CHARS="严格依法办事自觉接受监督坚持重大决策合法性审查推进统计执法检查全覆盖"
for ((i = 0; i < ${#CHARS}; i += 1)); do
    tm send-keys -t "$SESSION" -l "${CHARS:i:1}"
    TYPED+="${CHARS:i:1}"
    printf '%s %s\n' "$(date +%s.%N)" "${#TYPED}" >> "$STAMPS"
    sleep 0.15
done
LAST=$(date +%s.%N)
kill -9 "$APP_PID"
wait_exit "$APP_PID"
ON_DISK="$(section_text law)"
"$PY" - "$STAMPS" "$LAST" "$TYPED" "$ON_DISK" "$START" <<'EOF'
import sys
stamps_file, last, typed, on_disk, start = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4], float(sys.argv[5])
stamps = [(float(t), int(n)) for t, n in (line.split() for line in open(stamps_file))]
assert typed.startswith(on_disk), f"on disk is not a prefix of what was typed: {on_disk!r}"
# The newest key whose text is on disk, and how long before the kill it was typed.
saved_until = max((t for t, n in stamps if n <= len(on_disk)), default=start)
lost = len(typed) - len(on_disk)
window = last - saved_until
print(f"typed {len(typed)} characters over {last - start:.1f}s, killed right after the last key: "
      f"{len(on_disk)} on disk, {lost} missing (typed in the last {window:.1f}s)")
assert window <= 2.5, f"more than the last 2 s of typing was lost ({window:.1f}s)"
EOF
say "ok: continuous typing loses at most the last ~2 s"

tm kill-session -t "$SESSION" 2>/dev/null || true
start_app
say "ok: the draft loads after the second SIGKILL"

# ---------------------------------------------------------------- 5. closing the terminal window (SIGHUP)
# What the app has received must be saved. So close once it has (the words are on the screen): tmux's
# kill-session can close the pane before tmux has written the last keys to it, and at hang-up the kernel discards
# input the app has not read; no program can save those. Keys read but not yet handled when the window closes:
# tests/tui/test_hangup.py and benchmarks/hangup.py.
LAST_WORDS="关闭窗口前的最后几个字"
type_text "$LAST_WORDS"
wait_for "$LAST_WORDS" 5
tm kill-session -t "$SESSION"                          # the terminal goes away at once: SIGHUP
wait_exit "$APP_PID"
case "$(section_text law)" in
    *"$LAST_WORDS"*) say "ok: text on the screen when the terminal closed was saved (SIGHUP)" ;;
    *) fail "after SIGHUP, law on disk: $(section_text law)" ;;
esac

# ---------------------------------------------------------------- 6. F8 with an editor that is not installed
APP_ENV="EDITOR=appraisal-no-such-editor VISUAL="
start_app
wait_for "$LAST_WORDS" 10
tm send-keys -t "$SESSION" F8
wait_for "无法启动编辑器" 5
say "ok: F8 with a missing editor says so"
tm send-keys -t "$SESSION" Enter
sleep 0.5
type_text "编辑器回来了"
wait_for "回来了" 5
tm send-keys -t "$SESSION" C-q
wait_exit "$APP_PID"
case "$(section_text law)" in
    *"编辑器回来了"*) say "ok: after F8 failed the editor came back and took typing" ;;
    *) fail "after F8, law on disk: $(section_text law)" ;;
esac
APP_ENV=""

# ---------------------------------------------------------------- 7. undo after a long paste, at 80x24
editor_column() {  # editor_column: the text in the editor's column of the screen, lines joined
    screen | "$PY" -c '
import sys
rows = [line.split("│") for line in sys.stdin.read().splitlines()]
# the editor is the column after the section list
print("".join(parts[1].strip() if len(parts) > 1 else "" for parts in rows[2:-1]))'
}

start_app
tm resize-window -t "$SESSION" -x 80 -y 24
sleep 0.5
BEFORE="$(section_text law)"
PASTE="$HOME_DIR/paste.txt"
"$PY" - "$PASTE" <<'EOF'
import sys
paragraph = ("第{}项，围绕全市经济社会发展大局，牵头完成第五次全国经济普查数据审核，按期上报率达到100%，"
             "全年组织业务培训12场，培训基层统计人员860人次，撰写分析报告5篇，其中2篇获市领导批示。"
             "坚持数据质量第一，建立“三审三校”工作机制，全年未发生统计数据质量事故，得到上级部门充分肯定。")
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("\n".join(paragraph.format(n) for n in "一二三四五六七八"))
EOF
tm send-keys -t "$SESSION" C-End
tm load-buffer -b drive "$PASTE"
tm paste-buffer -p -b drive -t "$SESSION"                # bracketed, as a terminal pastes
wait_for "第八项" 10
say "---- after pasting eight paragraphs at 80x24 ----"
screen
tm send-keys -t "$SESSION" C-z
sleep 1
alive "$APP_PID" || fail "the app ended on Ctrl+Z after a long paste"
if screen | grep -q "Traceback"; then fail "a traceback on screen after Ctrl+Z"; fi
if screen | grep -qF "第八项"; then fail "Ctrl+Z did not take the paste away"; fi
tm send-keys -t "$SESSION" C-s
sleep 0.5
[ "$(section_text law)" = "$BEFORE" ] || fail "after Ctrl+Z, law on disk: $(section_text law)"
say "---- after Ctrl+Z ----"
screen
say "ok: Ctrl+Z after a long paste undid it; the app stayed, the text on disk is as before the paste"
tm send-keys -t "$SESSION" C-y
wait_for "第八项" 5
tm send-keys -t "$SESSION" C-z
sleep 0.5
alive "$APP_PID" || fail "the app ended on the second Ctrl+Z"
say "ok: Ctrl+Y put the paste back, Ctrl+Z took it away again"

# ---------------------------------------------------------------- 8. every character visible after a resize
WANT="$(section_text law | tr -d '\n')"
wait_gone "已保存到"  # Ctrl+S's toast sits over the editor column that is read below
for size in 100x30 140x40 80x24; do
    tm resize-window -t "$SESSION" -x "${size%x*}" -y "${size#*x}"
    sleep 1
    SHOWN="$(editor_column)"
    [ "$SHOWN" = "$WANT" ] || fail "after resizing to $size the editor shows: $SHOWN"
    say "ok: every character of the section on screen after resizing to $size"
done
say "---- at 80x24 after the resizes ----"
screen
tm send-keys -t "$SESSION" C-q
wait_exit "$APP_PID"

# ---------------------------------------------------------------- 9. toasts over Chinese text leave it whole
below_status() { screen | tail -n +2; }  # the status bar's first row shows the time of the last save
same_screen() {  # same_screen WHAT BEFORE AFTER: fail with the difference unless the two screens are the same
    [ "$3" = "$2" ] || fail "$1 the screen differs:
$(diff <(printf '%s\n' "$2") <(printf '%s\n' "$3"))"
}

toasts_leave_the_screen_as_it_was() {  # toasts_leave_the_screen_as_it_was WHAT [RESIZE]: six Ctrl+S, then compare
    local before after
    before="$(below_status)"
    for _ in 1 2 3 4 5 6; do tm send-keys -t "$SESSION" C-s; done
    wait_for "已保存到" 5
    if [ -n "${2:-}" ]; then
        tm resize-window -t "$SESSION" -x 100 -y 30
        sleep 0.5
        tm resize-window -t "$SESSION" -x 140 -y 40
    fi
    wait_gone "已保存到" 20
    sleep 0.5
    after="$(below_status)"
    same_screen "after the toasts ($1)" "$before" "$after"
    say "ok: after six toasts ($1) every character beneath them is on screen again"
}

DRAFT="$("$APP" new --template duty-report --name 张三 --unit 某市统计局 --position 局长 --year 2025 --no-edit)"
SIZE_X=140 SIZE_Y=40 READY_TEXT="述德" start_app
tm send-keys -t "$SESSION" M-Down M-Down M-Down M-Down M-Down M-Down M-Down   # 导言 → 结束语
wait_for "结束语  选填" 5
wait_for "报告是向谁作的" 5
toasts_leave_the_screen_as_it_was "140x40, over the guidance"
toasts_leave_the_screen_as_it_was "resized to 100x30 and back while they showed" resize

# Typing under toasts at 100x30 (the toasts lie over the editor's right part and the guidance panel): once they
# have gone, the screen is the same as after a full repaint (a resize away and back draws every cell again).
tm resize-window -t "$SESSION" -x 100 -y 30
tm send-keys -t "$SESSION" M-Up M-Up M-Up M-Up M-Up                # 结束语 → 述职（履职情况）
wait_for "述职（履职情况）  必填" 5
tm load-buffer -b drive "$PASTE"
tm paste-buffer -p -b drive -t "$SESSION"
wait_for "第八项" 10
for words in "全年牵头完成" "数据审核十二次" "撰写分析报告五篇"; do
    tm send-keys -t "$SESSION" C-s
    type_text "a$words"
done
# Under load the saves' toasts can come after the words typed after them: wait until they are on screen, so that
# waiting for them to go does not pass before they have come.
wait_for "已保存到" 10
wait_gone "已保存到" 20
sleep 0.5
PARTIAL="$(below_status)"
tm resize-window -t "$SESSION" -x 101 -y 30
sleep 0.5
tm resize-window -t "$SESSION" -x 100 -y 30
wait_for "分析报告五篇" 5
sleep 0.5
REPAINTED="$(below_status)"
same_screen "after typing under toasts (against a full repaint)" "$PARTIAL" "$REPAINTED"
say "ok: typing under toasts at 100x30 leaves the screen as a full repaint draws it"
say "---- at 140x40 after the toasts ----"
screen
tm send-keys -t "$SESSION" C-q
wait_exit "$APP_PID"

# ---------------------------------------------------------------- 10. every dialog and panel by its keys alone
# No key may go nowhere: a dialog's input line has the focus (the 记素材 line once lost every key to its 确定
# button), and keys typed while a panel has the focus (F4's findings list) go into the text.
DRAFT="$("$APP" new --name 李四 --unit 某市规划局 --position 副局长 --year 2025 --no-edit)"
SIZE_X=80 SIZE_Y=24 start_app
INTRO="本人XX年来认真履职。"
type_text "$INTRO"
NOTE="带头开展谈心谈话12人次"
tm send-keys -t "$SESSION" C-n
wait_for "记素材" 5
type_text "$NOTE"
wait_for "$NOTE" 5
tm send-keys -t "$SESSION" Enter
wait_for "已记入" 5
NOTES="$("$PY" -c 'from appraisal.notes import load_notes; print("|".join(n.text for n in load_notes(2025).notes))')"
[ "$NOTES" = "$NOTE" ] || fail "Ctrl+N, typed, Enter: the notes on disk are \"$NOTES\""
say "ok: Ctrl+N took the typed note and Enter kept it"
wait_for "有误" 10  # the check has found the placeholder: F4 has a list to focus
tm send-keys -t "$SESSION" F4
sleep 0.5
type_text "全年无休"
tm send-keys -t "$SESSION" C-s
sleep 0.5
[ "$(section_text intro)" = "${INTRO}全年无休" ] || fail "typed after F4, intro on disk: $(section_text intro)"
say "ok: keys typed after F4 went into the text"
OUT="$HOME_DIR/导出的文件"
mkdir "$OUT"
wait_gone "已保存到" 20
tm send-keys -t "$SESSION" F6
wait_for "文件夹" 5
tm send-keys -t "$SESSION" Tab Tab Tab Tab  # past the four formats to the folder line
# A person looks before typing: Tab moves the focus only once the dialog has handled it, and keys sent before
# that still go to the checkbox (a race of Textual's non-priority Tab, noted in issue 19's report).
sleep 0.5
tm send-keys -t "$SESSION" C-a  # the folder line selected: typing replaces it
sleep 0.2
type_text "$OUT"
tm send-keys -t "$SESSION" Enter
wait_for "仍要导出" 5  # the placeholder is an error: asked first, the focus on 返回修改
tm send-keys -t "$SESSION" Tab Enter
wait_for "已导出" 10
[ "$(ls "$OUT" | sed 's/.*\.//' | sort | tr '\n' ' ')" = "docx txt " ] || fail "exported: $(ls "$OUT")"
say "ok: F6, the folder typed, Enter: exported there"
tm send-keys -t "$SESSION" C-q
wait_exit "$APP_PID"
say "ALL CHECKS PASSED"
