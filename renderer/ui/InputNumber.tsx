// antd's number field, with its step arrows left out of the accessibility tree. antd names them
// "Increase Value" / "Decrease Value" in English whatever the UI's language, and they cannot be
// focused anyway: a keyboard or screen-reader user steps the number with the arrow keys of the field
// itself (a spinbutton), which is announced in the UI's language by its own label.
import { type GetRef, InputNumber as AntInputNumber, type InputNumberProps } from 'antd';
import { useLayoutEffect, useRef } from 'react';

export function InputNumber<T extends string | number = number>(props: InputNumberProps<T>) {
  const ref = useRef<GetRef<typeof AntInputNumber>>(null);
  // After every render: antd draws the arrows again when the field changes (disabled, min, max).
  useLayoutEffect(() => {
    ref.current?.nativeElement
      .querySelectorAll('[role="button"]')
      .forEach((arrow) => arrow.setAttribute('aria-hidden', 'true'));
  });
  return <AntInputNumber<T> ref={ref} {...props} />;
}
