// antd's number field, with its step arrows left out of the accessibility tree. antd names them
// "Increase Value" / "Decrease Value" in English whatever the UI's language, and they cannot be
// focused anyway: a keyboard or screen-reader user steps the number with the arrow keys of the field
// itself (a spinbutton), which is announced in the UI's language by its own label.
import { type GetRef, InputNumber as AntInputNumber, type InputNumberProps } from 'antd';
import { type Ref, useLayoutEffect, useRef } from 'react';

type Field = GetRef<typeof AntInputNumber>;

export function InputNumber<T extends string | number = number>({
  ref: outer,
  ...props
}: InputNumberProps<T> & { ref?: Ref<Field> }) {
  const own = useRef<Field | null>(null);
  // After every render: antd draws the arrows again when the field changes (disabled, min, max).
  useLayoutEffect(() => {
    own.current?.nativeElement
      ?.querySelectorAll('[role="button"]')
      .forEach((arrow) => arrow.setAttribute('aria-hidden', 'true'));
  });
  // A Form.Item hands its own ref to the field (to focus it on an error): both are kept.
  const both = (field: Field | null) => {
    own.current = field;
    if (typeof outer === 'function') outer(field);
    else if (outer) outer.current = field;
  };
  return <AntInputNumber<T> {...props} ref={both} />;
}
