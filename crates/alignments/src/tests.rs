//! Unit tests of the code stances.

use newsgraph_doc::Stance;

use crate::AlignmentStage;

#[test]
fn codes_take_the_stance_of_their_longest_prefix() {
    let stage = AlignmentStage::new().unwrap();
    assert_eq!(stage.code_stance("054"), Some(Stance::Support));
    assert_eq!(stage.code_stance("0711"), Some(Stance::Support));
    assert_eq!(stage.code_stance("111"), Some(Stance::Oppose));
    assert_eq!(stage.code_stance("1823"), Some(Stance::Oppose));
    assert_eq!(stage.code_stance("0811"), None);
    assert_eq!(stage.code_stance("040"), None);
    assert_eq!(stage.code_stance("010"), None);
}
