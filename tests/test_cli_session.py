"""The one session of a command: an interruption that lands inside commit()
stays an interruption (exit 130), not a database error from the rollback after it."""
import pytest
from sqlalchemy import event, text
from sqlalchemy.orm import Session

from provenance.cli import App


def test_ctrl_c_inside_commit_is_still_an_interruption(tmp_path):
    app = App(db=str(tmp_path / "s.db"))  # library use may create the database

    def ctrl_c(session):  # a SIGINT landing while the transaction is committed but not yet closed
        raise KeyboardInterrupt

    event.listen(Session, "after_commit", ctrl_c)
    try:
        with pytest.raises(KeyboardInterrupt):
            with app.session() as s:
                s.execute(text("SELECT 1"))
    finally:
        event.remove(Session, "after_commit", ctrl_c)


def test_an_error_in_the_command_rolls_back(tmp_path):
    app = App(db=str(tmp_path / "s.db"))
    with app.session() as s:
        s.execute(text("CREATE TABLE t (x INTEGER)"))
    with pytest.raises(RuntimeError):
        with app.session() as s:
            s.execute(text("INSERT INTO t VALUES (1)"))
            raise RuntimeError("the command failed")
    with app.session() as s:
        assert s.execute(text("SELECT count(*) FROM t")).scalar() == 0
