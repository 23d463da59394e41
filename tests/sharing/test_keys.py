"""Key files: private keys readable by their owner only, passphrases enforced, public keys trusted."""

import stat

import pytest

from ilrs_planner.domain import PlannerError
from ilrs_planner.sharing.keys import load_private_key, load_public_key, load_trusted_keys, write_key_pair


def test_private_key_file_is_owner_only_and_names_the_signer(tmp_path):
    private, public = write_key_pair("SUPARCO planning", tmp_path)
    assert private.name == "suparco-planning.key" and public.name == "suparco-planning.pub"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    key, signer = load_private_key(private)
    assert signer == "SUPARCO planning"
    assert b"PRIVATE KEY" not in public.read_bytes()


def test_passphrase_protected_key_needs_the_right_passphrase(tmp_path):
    private, _ = write_key_pair("CNSA", tmp_path, passphrase=b"correct horse")
    assert b"ENCRYPTED PRIVATE KEY" in private.read_bytes()
    with pytest.raises(PlannerError) as missing:
        load_private_key(private)
    assert missing.value.code == "key.invalid" and "passphrase" in missing.value.message
    with pytest.raises(PlannerError):
        load_private_key(private, b"wrong")
    load_private_key(private, b"correct horse")


def test_a_passphrase_for_an_unprotected_key_is_refused_clearly(tmp_path):
    private, _ = write_key_pair("CNSA", tmp_path)
    with pytest.raises(PlannerError) as err:
        load_private_key(private, b"unneeded")
    assert "not protected by a passphrase" in err.value.message


def test_existing_private_key_is_never_overwritten(tmp_path):
    write_key_pair("CNSA", tmp_path)
    with pytest.raises(PlannerError) as err:
        write_key_pair("CNSA", tmp_path)
    assert err.value.code == "key.invalid"


def test_trusted_folder_maps_keys_to_signers_and_skips_junk(tmp_path):
    _, public = write_key_pair("Roscosmos", tmp_path / "keys")
    (tmp_path / "keys" / "junk.pub").write_text("not a key")
    trusted = load_trusted_keys(tmp_path / "keys")
    assert trusted == {load_public_key(public): "Roscosmos"}
    assert load_trusted_keys(tmp_path / "missing") == {}


def test_a_signer_name_plan_text_cannot_hold_is_refused_when_the_key_is_made(tmp_path):
    # Each signature carries the name into the plan, whose save would refuse it: refused here, once.
    with pytest.raises(PlannerError) as caught:
        write_key_pair("CNSA \u202egninnalp", tmp_path)
    assert caught.value.code == "text.control_character" and "U+202E" in caught.value.message
    assert list(tmp_path.iterdir()) == []
    private, _ = write_key_pair("\u200fوكالة الفضاء", tmp_path)  # a right-to-left mark is text
    assert load_private_key(private)[1] == "\u200fوكالة الفضاء"
