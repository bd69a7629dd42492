"""A practice session in its own process, for tests/test_crash_safety.py to SIGKILL mid-turn.

    python tests/crash_child.py DB reply COMPLETED   # COMPLETED whole exchanges, then a reply that streams slowly
    python tests/crash_child.py DB writes             # add turns as fast as possible until killed

It reports on stdout, one line at a time and flushed, what is already safely saved, so the test knows
what must survive: ``session <id>``, ``saved <idx>`` after each turn is written, ``streaming`` once the
client's last reply has started to reach the trainee.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from langchain_core.language_models import BaseChatModel  # noqa: E402
from langchain_core.messages import AIMessage, AIMessageChunk  # noqa: E402
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult  # noqa: E402

from logbook import Logbook  # noqa: E402
from personas import load_cards  # noqa: E402
from sessions import Practice  # noqa: E402

REPLY = "I suppose it has been hard. Work has been a lot lately, and I keep going over it at night."


class SlowChat(BaseChatModel):
    """Streams a fixed reply word by word, `delay` seconds apart."""

    delay: float = 0.0

    @property
    def _llm_type(self) -> str:
        return "slow-fake"

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        return ChatResult(generations=[ChatGeneration(message=AIMessage(REPLY))])

    def _stream(self, messages, stop=None, run_manager=None, **kwargs):
        for word in REPLY.split(" "):
            time.sleep(self.delay)
            yield ChatGenerationChunk(message=AIMessageChunk(content=word + " "))


def say(line: str) -> None:
    print(line, flush=True)


def main() -> None:
    db, mode = sys.argv[1], sys.argv[2]
    model = SlowChat()
    ws = Practice(Logbook(db), load_cards(), "embedded", chat_model=model).local_user()
    session_id = ws.start_session("carer_guilt")
    say(f"session {session_id}")
    say("saved 0")
    if mode == "reply":
        for k in range(int(sys.argv[3])):
            say(f"saved {ws.trainee_turn(session_id, f'What was week {k} like for you?')['idx']}")
            "".join(ws.client_reply(session_id))
            say(f"saved {ws.view(session_id).turns[-1]['idx']}")
        say(f"saved {ws.trainee_turn(session_id, 'And what is it like right now, telling me?')['idx']}")
        model.delay = 0.5  # the last reply crawls: the test kills the process while it streams
        for _ in ws.client_reply(session_id):
            say("streaming")
        say("finished")  # not reached when the test kills the process in time
    else:
        k = 0
        while True:
            speaker = "trainee" if k % 2 == 0 else "client"
            turn = ws.access.add_turn(session_id, speaker, f"turn {k + 1}", source="typed" if speaker == "trainee"
                                      else "model", feedback={"label": "open_question"} if speaker == "trainee" else None)
            say(f"saved {turn['idx']}")
            k += 1


if __name__ == "__main__":
    main()
