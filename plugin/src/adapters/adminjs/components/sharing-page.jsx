import React from 'react';

const Page = () => <div />;

export default Page;
