//! One bilingual text (issue 27): what the model says to a person, in Danish
//! and English. `Text` holds static words; `Text<String>` words built at run
//! time. The app's `Lang::pick` takes either: it is the one shape bilingual
//! text has, in the model and the app (no `(da, en)` pairs, no `_da`/`_en`
//! fields or methods).

/// A text in Danish and English.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Text<S = &'static str> {
    pub da: S,
    pub en: S,
}

impl<S> Text<S> {
    pub const fn new(da: S, en: S) -> Self {
        Text { da, en }
    }

    /// Each language's text through `f` (the same for both).
    pub fn map<T>(self, f: impl Fn(S) -> T) -> Text<T> {
        Text { da: f(self.da), en: f(self.en) }
    }
}

/// What `Lang::pick` picks from: a [`Text`] or a borrowed one.
pub trait Bilingual {
    type Out;
    /// (Danish, English).
    fn pair(self) -> (Self::Out, Self::Out);
}

impl<S> Bilingual for Text<S> {
    type Out = S;
    fn pair(self) -> (S, S) {
        (self.da, self.en)
    }
}

impl<S: Clone> Bilingual for &Text<S> {
    type Out = S;
    fn pair(self) -> (S, S) {
        (self.da.clone(), self.en.clone())
    }
}
